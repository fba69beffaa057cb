import { errorResponseOf } from "@/lib/actions/route-guard";
import { setPasswordWithLink } from "@/lib/users/password-links";

// Public on purpose: the signed link from an invitation or reset email is the credential.
export async function POST(request: Request) {
  try {
    const body = (await request.json().catch(() => null)) as { token?: unknown; password?: unknown } | null;
    const { email } = await setPasswordWithLink({ token: body?.token, password: body?.password });
    return Response.json({ message: "Your password is set. Sign in with it now.", email }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponseOf(error);
  }
}
