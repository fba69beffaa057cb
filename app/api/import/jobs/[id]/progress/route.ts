import { AppError } from "@/lib/errors";
import { findImportProgress } from "@/lib/import/queries";
import { importRoute } from "@/lib/import/session-route";

// GET: the job's live progress, polled by the import page (which reconnects to it after a reload).
export const GET = importRoute(async (_request, _user, jobId) => {
  const progress = await findImportProgress(jobId);
  if (!progress) throw new AppError("No such import.", 404);
  return Response.json(progress, { headers: { "Cache-Control": "no-store" } });
});
