import "server-only";
import type { ChoiceContext } from "@/lib/import/choices";
import { queryEach, type Queryable } from "@/lib/db/queryable";

/** Users, lead types, rejection reasons, objections and sources values can map onto, read once per import. */
export async function loadChoiceContext(client: Queryable): Promise<ChoiceContext> {
  const [users, leadTypes, reasons, sources, objections] = await queryEach(client, [
    () =>
      client.query<{ id: number; name: string; email: string | null }>("SELECT id, name, email FROM users WHERE active ORDER BY name, id"),
    () => client.query<{ key: string; name: string }>("SELECT key, name FROM lead_types WHERE active ORDER BY sort_order, name"),
    () =>
      client.query<{ code: string; label: string }>("SELECT code, label FROM rejection_reasons WHERE active ORDER BY sort_order, label"),
    () =>
      client.query<{ source: string }>(
        "SELECT DISTINCT original_source AS source FROM leads WHERE original_source IS NOT NULL ORDER BY 1 LIMIT 200",
      ),
    () => client.query<{ code: string; label: string }>("SELECT code, label FROM objections ORDER BY sort_order, label"),
  ]);
  return {
    users: users.rows,
    leadTypes: leadTypes.rows,
    rejectionReasons: reasons.rows,
    sources: sources.rows.map((row) => row.source),
    objections: objections.rows,
  };
}
