"use server";
import "server-only";
import { defineAction, type ChangedPage } from "@/lib/actions/define";
import { addFixLead, createFix, removeFixLead, setFixStatus, updateFix } from "@/lib/fixes/mutations";

// Server actions for fixes: authenticate and authorize, write (lib/fixes/mutations.ts), revalidate the
// pages that show fixes. The lead and meeting pages refresh too, since they list the fixes they cite.

const FIX_PAGES: ChangedPage[] = ["/fixes", ["/review/[leadId]", "page"], ["/meetings/[id]", "layout"]];
const fixes = { permission: "fixes.propose", revalidate: FIX_PAGES } as const;

export const proposeFix = defineAction({
  ...fixes,
  write: async (user, input: unknown) => {
    const fix = await createFix(user, input);
    return { data: { id: fix.id }, message: `Fix “${fix.title}” recorded.`, revalidate: [`/fixes/${fix.id}`] };
  },
});

export const saveFix = defineAction({
  ...fixes,
  write: async (user, input: unknown) => {
    const fix = await updateFix(user, input);
    return { data: { version: fix.version }, message: "Saved.", revalidate: [`/fixes/${fix.id}`] };
  },
});

export const changeFixStatus = defineAction({
  ...fixes,
  write: async (user, input: unknown) => {
    const fix = await setFixStatus(user, input);
    return { data: { version: fix.version }, message: "Status saved.", revalidate: [`/fixes/${fix.id}`] };
  },
});

export const citeLeadOnFix = defineAction({
  ...fixes,
  write: async (user, input: unknown) => {
    const { added } = await addFixLead(user, input);
    return { data: undefined, message: added ? "Lead cited as evidence." : "This lead was already cited." };
  },
});

export const removeLeadFromFix = defineAction({
  ...fixes,
  write: async (user, input: unknown) => {
    await removeFixLead(user, input);
    return { data: undefined, message: "Lead removed from the evidence." };
  },
});
