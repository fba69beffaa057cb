import { AppError } from "@/lib/errors";
import { PART_BYTES, storeFilePart } from "@/lib/import/files";
import { findImportProgress } from "@/lib/import/queries";
import { uploadPartSchema } from "@/lib/import/schemas";
import { importRoute } from "@/lib/import/session-route";

// POST ?kind=leads&part=0&name=export.csv with one part (at most 8 MB) of the file as the raw body. The
// browser slices the file and sends the parts in order; part 0 replaces an earlier upload of that kind.
export const POST = importRoute(async (request, _user, jobId) => {
  const url = new URL(request.url);
  const parsed = uploadPartSchema.safeParse({
    kind: url.searchParams.get("kind"),
    part: url.searchParams.get("part"),
    name: url.searchParams.get("name"),
  });
  if (!parsed.success) throw new AppError("Say which file kind, part and name this is.", 400);
  const job = await findImportProgress(jobId);
  if (!job) throw new AppError("No such import.", 404);
  if (job.status !== "uploaded" && job.status !== "mapped" && job.status !== "validated")
    throw new AppError("This import already ran; start a new one for new files.", 409);
  const bytes = await readBody(request);
  const stored = await storeFilePart({ jobId, ...parsed.data, bytes });
  return Response.json(stored);
});

async function readBody(request: Request): Promise<Buffer> {
  if (Number(request.headers.get("content-length") ?? 0) > PART_BYTES) throw new AppError("Send the file in parts of at most 8 MB.", 413);
  if (!request.body) throw new AppError("The part is empty.", 400);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > PART_BYTES) throw new AppError("Send the file in parts of at most 8 MB.", 413);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
