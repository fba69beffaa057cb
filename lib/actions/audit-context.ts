import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import type { AuditVia } from "@/lib/actions/audit-via";

// The API token an /api/v1 request came through, for the length of that request only: every audit row
// a feature's mutation records while serving it names the token (and the integration it acts as), even
// though the mutation itself only knows the user. Request-scoped, never shared between requests.
const current = new AsyncLocalStorage<AuditVia>();

export function runWithAuditVia<T>(via: AuditVia, work: () => Promise<T>): Promise<T> {
  return current.run(via, work);
}

export function currentAuditVia(): AuditVia | undefined {
  return current.getStore();
}
