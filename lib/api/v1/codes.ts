import "server-only";
import { ApiError } from "@/lib/api/v1/errors";
import type { Queryable } from "@/lib/db/queryable";

// Codes an integration sends must be defined in the workspace (GET /definitions lists them): an undefined
// lead type or reason is refused at the door with a 422 naming each path, never stored or silently
// ignored (DOMAIN.md, "Usable reason"). Fixed vocabularies (event types, channels) are zod enums.

export interface CodeRefs {
  leadTypes?: { path: string; code: string }[];
  rejectionReasons?: { path: string; code: string }[];
}

/** The paths whose codes are not defined, each with its message. */
export async function findUndefinedCodes(client: Queryable, refs: CodeRefs): Promise<{ path: string; message: string }[]> {
  const leadTypes = refs.leadTypes ?? [];
  const reasons = refs.rejectionReasons ?? [];
  // One statement for both lists; `client` may be a transaction's connection.
  const { rows } = await client.query<{ kind: string; code: string }>(
    `SELECT 'lead_type' AS kind, key AS code FROM lead_types WHERE key = ANY($1::text[])
     UNION ALL SELECT 'reason', code FROM rejection_reasons WHERE code = ANY($2::text[])`,
    [[...new Set(leadTypes.map((ref) => ref.code))], [...new Set(reasons.map((ref) => ref.code))]],
  );
  const known = new Set(rows.map((row) => `${row.kind}:${row.code}`));
  return [
    ...leadTypes
      .filter((ref) => !known.has(`lead_type:${ref.code}`))
      .map((ref) => ({ path: ref.path, message: "is not a defined lead type (see GET /definitions)" })),
    ...reasons
      .filter((ref) => !known.has(`reason:${ref.code}`))
      .map((ref) => ({ path: ref.path, message: "is not a defined rejection reason (see GET /definitions)" })),
  ];
}

export async function refuseUndefinedCodes(client: Queryable, refs: CodeRefs): Promise<void> {
  const fields = await findUndefinedCodes(client, refs);
  if (fields.length) throw new ApiError(422, "invalid", "The request names codes that are not defined.", fields);
}
