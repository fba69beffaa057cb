"use server";
import "server-only";
import { revalidatePath } from "next/cache";
import { requireActionUser } from "@/lib/auth/session";
import { addFixLead, createFix, removeFixLead, setFixStatus, updateFix } from "@/lib/fixes/mutations";
import { toWriteError, type WriteResult } from "@/lib/actions/result";

// Server actions for fixes: authenticate and authorize, write (lib/fixes/mutations.ts), revalidate the
// pages that show fixes. The lead and meeting pages refresh too, since they list the fixes they cite.

function revalidateFixPages(fixId?: number) {
  revalidatePath("/fixes");
  if (fixId) revalidatePath(`/fixes/${fixId}`);
  revalidatePath("/review/[leadId]", "page");
  revalidatePath("/meetings/[id]", "layout");
}

export async function proposeFix(input: unknown): Promise<WriteResult<{ id: number }>> {
  try {
    const user = await requireActionUser("fixes.propose");
    const fix = await createFix(user, input);
    revalidateFixPages(fix.id);
    return { ok: true, data: { id: fix.id }, message: `Fix “${fix.title}” recorded.` };
  } catch (error) {
    return toWriteError(error);
  }
}

export async function saveFix(input: unknown): Promise<WriteResult<{ version: number }>> {
  try {
    const user = await requireActionUser("fixes.propose");
    const fix = await updateFix(user, input);
    revalidateFixPages(fix.id);
    return { ok: true, data: { version: fix.version }, message: "Saved." };
  } catch (error) {
    return toWriteError(error);
  }
}

export async function changeFixStatus(input: unknown): Promise<WriteResult<{ version: number }>> {
  try {
    const user = await requireActionUser("fixes.propose");
    const fix = await setFixStatus(user, input);
    revalidateFixPages(fix.id);
    return { ok: true, data: { version: fix.version }, message: "Status saved." };
  } catch (error) {
    return toWriteError(error);
  }
}

export async function citeLeadOnFix(input: unknown): Promise<WriteResult> {
  try {
    const user = await requireActionUser("fixes.propose");
    const { added } = await addFixLead(user, input);
    revalidateFixPages();
    return { ok: true, data: undefined, message: added ? "Lead cited as evidence." : "This lead was already cited." };
  } catch (error) {
    return toWriteError(error);
  }
}

export async function removeLeadFromFix(input: unknown): Promise<WriteResult> {
  try {
    const user = await requireActionUser("fixes.propose");
    await removeFixLead(user, input);
    revalidateFixPages();
    return { ok: true, data: undefined, message: "Lead removed from the evidence." };
  } catch (error) {
    return toWriteError(error);
  }
}
