import "server-only";
import { getSessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";

const LOOKUPS = {
  lead: (id: number) => db.lead.findUnique({ where: { id }, select: { name: true } }).then((row) => row?.name),
  fix: (id: number) => db.fix.findUnique({ where: { id }, select: { title: true } }).then((row) => row?.title),
  meeting: (id: number) => db.meeting.findUnique({ where: { id }, select: { title: true } }).then((row) => row?.title),
} as const;

/**
 * A record page's browser-tab title: the record's name ("Acme's Dana Reyes · Baton", not "Lead 1477"),
 * `fallback` for a bad id or a visitor without a session (the page itself checks everything else).
 */
export async function tabTitle(kind: keyof typeof LOOKUPS, id: number | null, fallback: string): Promise<string> {
  if (id === null || !(await getSessionUser())) return fallback;
  return (await LOOKUPS[kind](id)) ?? fallback;
}
