"use server";
import "server-only";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireActionUser } from "@/lib/auth/session";
import { NotFoundError, toActionError, ValidationError, type ActionResult } from "@/lib/errors";
import { eraseLeadNow } from "@/lib/leads/erase";

// Server actions of the lead page. Erasing a lead (a GDPR request) is an admin's, as in the API.
const leadId = z.coerce.number().int().min(1).max(2 ** 31 - 1);

export async function eraseLeadAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  try {
    const user = await requireActionUser("leads.erase");
    const id = leadId.safeParse(formData.get("leadId"));
    if (!id.success) throw new ValidationError({ leadId: ["This form does not say which lead to erase. Reload the page."] });
    if (!(await eraseLeadNow(id.data, { actorId: user.id }))) throw new NotFoundError("That lead");
  } catch (error) {
    return toActionError(error);
  }
  revalidatePath("/leads");
  return { ok: true, data: undefined, message: "Erased: the lead, its timeline and every trace of the person are gone. The audit log records only that an erasure happened." };
}
