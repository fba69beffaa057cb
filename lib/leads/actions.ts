"use server";
import "server-only";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define";
import type { ActionResult } from "@/lib/actions/result";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { eraseLeadNow } from "@/lib/leads/erase";

// Server actions of the lead page. Erasing a lead (a GDPR request) is an admin's, as in the API.
const leadId = z.coerce
  .number()
  .int()
  .min(1)
  .max(2 ** 31 - 1);

// No revalidation: it would re-render this lead's page, which is now a 404, before the admin reads the
// result. The lists are rendered per request, so they no longer show the lead anyway.
export const eraseLeadAction = defineAction({
  permission: "leads.erase",
  write: async (user, _previous: ActionResult | null, formData: FormData) => {
    const id = leadId.safeParse(formData.get("leadId"));
    if (!id.success) throw new ValidationError({ leadId: ["This form does not say which lead to erase. Reload the page."] });
    if (!(await eraseLeadNow(id.data, { actorId: user.id }))) throw new NotFoundError("That lead");
    return {
      data: undefined,
      message:
        "Erased: the lead, its timeline and every trace of the person are gone. The audit log records only that an erasure happened.",
    };
  },
});
