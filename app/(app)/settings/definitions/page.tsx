import type { Metadata } from "next";
import { DefinitionsView } from "@/components/definitions/definitions-view";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { findObjectionDefinitions } from "@/lib/definitions/objections";
import { getDefinitionsOverview } from "@/lib/definitions/queries";

export const metadata: Metadata = { title: "Definitions" };

export default async function DefinitionsPage() {
  const user = await requirePageUser("definitions.read");
  const [definitions, objections] = await Promise.all([getDefinitionsOverview(), findObjectionDefinitions()]);
  return <DefinitionsView definitions={definitions} objections={objections} canEdit={can(user.role, "definitions.edit")} />;
}
