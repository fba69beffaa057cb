"use server";
import "server-only";
import { revalidatePath } from "next/cache";
import { requireActionUser } from "@/lib/auth/session";
import { toActionError, type ActionResult } from "@/lib/errors";
import { createToken, revokeToken } from "@/lib/tokens/mutations";
import { tokenFormValues } from "@/lib/tokens/form-data";

// Server actions of the API tokens page (admins and revops, like the page).
const PAGE = "/settings/tokens";

export type CreatedTokenData = { token: string; prefix: string; name: string; scope: "read" | "write" };

export async function createTokenAction(_previous: ActionResult<CreatedTokenData> | null, formData: FormData): Promise<ActionResult<CreatedTokenData>> {
  let created: Awaited<ReturnType<typeof createToken>>;
  try {
    const user = await requireActionUser("tokens.manage");
    created = await createToken(user.id, tokenFormValues(formData));
  } catch (error) {
    return toActionError(error);
  }
  revalidatePath(PAGE);
  return { ok: true, data: { token: created.token, prefix: created.prefix, name: created.name, scope: created.scope }, message: `Created “${created.name}”.` };
}

export async function revokeTokenAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  let revoked: { name: string };
  try {
    const user = await requireActionUser("tokens.manage");
    revoked = await revokeToken(user.id, { id: formData.get("id") });
  } catch (error) {
    return toActionError(error);
  }
  revalidatePath(PAGE);
  return { ok: true, data: undefined, message: `Revoked “${revoked.name}”: requests with it are refused from now on.` };
}
