import type { Metadata } from "next";
import { DefinitionsView } from "@/components/definitions/definitions-view";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { getDefinitionsOverview } from "@/lib/definitions/queries";

export const metadata: Metadata = { title: "Definitions" };

export default async function DefinitionsPage() {
  const user = await requirePageUser("definitions.read");
  const definitions = await getDefinitionsOverview();
  return <DefinitionsView definitions={definitions} canEdit={can(user.role, "definitions.edit")} />;
}
