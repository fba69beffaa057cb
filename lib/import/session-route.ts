import "server-only";
import { routeId, sessionRoute } from "@/lib/actions/route-guard";
import type { SessionUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";

// The import's own route handlers (upload parts, progress, report download) are for the signed-in page,
// not integrations: the session guard, with the import's wording, and the job id from the address.

export function importRoute(handle: (request: Request, user: SessionUser, jobId: number) => Promise<Response>) {
  return sessionRoute<{ id: string }>(
    "import.run",
    async (request, user, { id }) => {
      const jobId = routeId(id);
      if (!jobId) throw new AppError("No such import.", 404);
      return handle(request, user, jobId);
    },
    { forbidden: "Only revenue operations and admins import files." },
  );
}
