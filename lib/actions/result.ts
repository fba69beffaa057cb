import { can, type Action, type Role } from "@/lib/auth/permissions";
import { ForbiddenError, StaleWriteError, toActionError, ValidationError } from "@/lib/errors";
import type { z } from "zod";

// Shared by the review, fixes and meetings writes: who is acting, the permission check against the one
// table, input parsing, and the refused stale write that carries the newer text so nobody loses work.

export interface Actor {
  id: number;
  role: Role;
}

export function authorize(actor: Actor, action: Action, message?: string): void {
  if (!can(actor.role, action)) throw new ForbiddenError(message);
}

/** The newer state of a record someone else changed: shown next to the text the user still holds. */
export interface LatestVersion {
  version: number;
  /** The record's text as it now stands (note, decision note, fix description…); null when deleted. */
  text: string | null;
  /** Who wrote it, when known. */
  by?: string | null;
}

export class StaleRecordError extends StaleWriteError {
  constructor(
    what: string,
    readonly latest: LatestVersion,
  ) {
    const newer = latest.text === null ? "It has since been deleted." : `It now reads: “${clip(latest.text)}”${latest.by ? ` (${latest.by})` : ""}.`;
    super(`Someone else changed ${what} since you opened it. ${newer} Nothing was saved; your text is kept so you can compare and save again.`);
  }
}

function clip(text: string): string {
  return text.length > 280 ? `${text.slice(0, 280)}…` : text;
}

/** Field errors keyed by path ("body", "leadIds.0"), first message first. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join(".") : "form";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  throw new ValidationError(fieldErrors, "Some fields need attention. Nothing was saved.");
}

/** A unique-key clash (two people creating the same record at once) becomes `error`. */
export async function onUniqueViolation<T>(work: Promise<T>, error: () => Error): Promise<T> {
  try {
    return await work;
  } catch (cause) {
    if (typeof cause === "object" && cause !== null && (cause as { code?: unknown }).code === "P2002") throw error();
    throw cause;
  }
}

/** What a review write returns to the browser: like ActionResult, plus the newer version on a conflict. */
export type WriteResult<T = undefined> =
  | { ok: true; data: T; message?: string }
  | { ok: false; message: string; fieldErrors?: Record<string, string[]>; latest?: LatestVersion };

export function toWriteError(error: unknown): WriteResult<never> {
  const result = toActionError(error);
  return error instanceof StaleRecordError ? { ...result, latest: error.latest } : result;
}
