import type { Metadata } from "next";
import { DefinitionsView } from "@/components/definitions/definitions-view";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { findObjectionDefinitions } from "@/lib/definitions/objections";
import { getDefinitionsOverview } from "@/lib/definitions/queries";
import { findTeamCalendars } from "@/lib/definitions/team-calendars";

export const metadata: Metadata = { title: "Definitions" };

export default async function DefinitionsPage() {
  const user = await requirePageUser("definitions.read");
  const [definitions, objections, teams] = await Promise.all([getDefinitionsOverview(), findObjectionDefinitions(), findTeamCalendars()]);
  return <DefinitionsView definitions={definitions} objections={objections} teams={teams} canEdit={can(user.role, "definitions.edit")} />;
}
