// A change made through an API token is the token's admin's change, made "via" the token: the audit row's
// actor is the user who created the token (so the "Who" filter finds it), and which token it was rides
// in the row's `after` under a reserved key. No column of its own: the audit table's shape stays as it is.
// Pure (no database), shared by the writers, the audit page's reads and their tests.

export interface AuditVia {
  /** `integration`: the named integration a service token acts as; its writes are audited under that name. */
  apiToken: { id: number; name: string; integration?: string };
}

export const VIA_KEY = "$via";

/** Who set-based writers record as the author of their rows. */
export interface AuditAuthor {
  actorId: number | null;
  via?: AuditVia;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isVia(value: unknown): value is AuditVia {
  if (!isPlainObject(value) || !isPlainObject(value.apiToken)) return false;
  return typeof value.apiToken.id === "number" && typeof value.apiToken.name === "string";
}

/** The JSON to merge into a row's `after` (SQL: `after || $n::jsonb`); `{}` for a change made on a page. */
export function viaJson(via: AuditVia | undefined): string {
  return via ? JSON.stringify({ [VIA_KEY]: via }) : "{}";
}

/** `after` with the token attached; a removal (no after) still records it. */
export function attachVia(after: unknown, via: AuditVia | undefined): unknown {
  if (!via) return after;
  if (after === undefined || after === null) return { [VIA_KEY]: via };
  if (!isPlainObject(after)) return { value: after, [VIA_KEY]: via };
  return { ...after, [VIA_KEY]: via };
}

/** Splits a stored `after` into the record's values and the token it came through (if any). */
export function splitVia(after: unknown): { after: unknown; via: AuditVia | null } {
  if (!isPlainObject(after) || !(VIA_KEY in after)) return { after, via: null };
  const { [VIA_KEY]: via, ...rest } = after;
  return { after: Object.keys(rest).length > 0 ? rest : null, via: isVia(via) ? via : null };
}

export function describeVia(via: AuditVia): string {
  if (via.apiToken.integration)
    return `by integration “${via.apiToken.integration}” (API token “${via.apiToken.name}”, #${via.apiToken.id})`;
  return `via API token “${via.apiToken.name}” (#${via.apiToken.id})`;
}
