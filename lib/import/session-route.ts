import "server-only";
import { can } from "@/lib/auth/permissions";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";

// The import's own route handlers (upload parts, progress, report download) are for the signed-in page,
// not integrations: they check the session and the permission table like the page does.

export async function importRoute(params: Promise<{ id: string }>, handler: (user: SessionUser, jobId: number) => Promise<Response>): Promise<Response> {
  try {
    const user = await getSessionUser();
    if (!user) return Response.json({ error: { message: "Sign in to continue." } }, { status: 401 });
    if (!can(user.role, "import.run")) return Response.json({ error: { message: "Only revenue operations and admins import files." } }, { status: 403 });
    const jobId = Number((await params).id);
    if (!Number.isInteger(jobId) || jobId <= 0 || jobId > 2 ** 31 - 1) return Response.json({ error: { message: "No such import." } }, { status: 404 });
    return await handler(user, jobId);
  } catch (error) {
    if (error instanceof AppError) return Response.json({ error: { message: error.message } }, { status: error.status });
    console.error(error);
    return Response.json({ error: { message: "Something went wrong on our side. Try again." } }, { status: 500 });
  }
}
