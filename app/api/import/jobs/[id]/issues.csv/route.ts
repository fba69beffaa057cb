import { AppError } from "@/lib/errors";
import { findImportProgress, issuesCsv } from "@/lib/import/queries";
import { importRoute } from "@/lib/import/session-route";

// GET: the validation report as CSV (row, column, value, problem), streamed a page at a time. Cells are
// neutralised against spreadsheet formulas (lib/import/csv-export.ts).
export const GET = importRoute(async (_request, _user, jobId) => {
  if (!(await findImportProgress(jobId))) throw new AppError("No such import.", 404);
  const lines = issuesCsv(jobId);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await lines.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="import-${jobId}-report.csv"`,
      "Cache-Control": "no-store",
    },
  });
});
