import { errorResponseOf } from "@/lib/actions/route-guard";
import { requestPasswordReset } from "@/lib/users/password-links";

// Public on purpose: a person who forgot their password asks for a reset link. The answer is the same
// whether or not the address has an account.
export async function POST(request: Request) {
  try {
    const body = (await request.json().catch(() => null)) as { email?: unknown } | null;
    const message = await requestPasswordReset(body?.email);
    return Response.json({ message }, { status: 202, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponseOf(error);
  }
}
