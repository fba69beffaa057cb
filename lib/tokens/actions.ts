"use server";
import "server-only";
import { defineAction } from "@/lib/actions/define";
import type { ActionResult } from "@/lib/actions/result";
import { createToken, revokeToken } from "@/lib/tokens/mutations";
import { tokenFormValues } from "@/lib/tokens/form-data";

// Server actions of the API tokens page (admins and revops, like the page).
const PAGE = "/settings/tokens";

export type CreatedTokenData = { token: string; prefix: string; name: string; scope: "read" | "write" };

export const createTokenAction = defineAction({
  permission: "tokens.manage",
  revalidate: [PAGE],
  write: async (user, _previous: ActionResult<CreatedTokenData> | null, formData: FormData) => {
    const created = await createToken(user.id, tokenFormValues(formData));
    return {
      data: { token: created.token, prefix: created.prefix, name: created.name, scope: created.scope } satisfies CreatedTokenData,
      message: `Created “${created.name}”.`,
    };
  },
});

export const revokeTokenAction = defineAction({
  permission: "tokens.manage",
  revalidate: [PAGE],
  write: async (user, _previous: ActionResult | null, formData: FormData) => {
    const revoked = await revokeToken(user.id, { id: formData.get("id") });
    return { data: undefined, message: `Revoked “${revoked.name}”: requests with it are refused from now on.` };
  },
});
