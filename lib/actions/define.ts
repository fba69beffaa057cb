import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { parseInput } from "@/lib/actions/input";
import { toActionError, type ActionResult } from "@/lib/actions/result";
import type { Action } from "@/lib/auth/permissions";
import { requireActionUser, type SessionUser } from "@/lib/auth/session";
import { observeRequest } from "@/lib/actions/request-metrics";
import { AppError } from "@/lib/errors";

/** The status an action's refusal stands for, as a route would answer it. */
function statusOfRefusal(error: unknown): number {
  return error instanceof AppError ? error.status : 500;
}

// The one shape of a server action: authenticate -> parse -> authorize -> write -> revalidate -> a typed
// result the form shows. The permission named here is the coarse check against the permission table;
// the write (a mutation) checks its finer rules itself, so tests and the API that call it directly
// cannot skip them. Every refusal becomes { ok: false, message, fieldErrors? }; nothing is thrown.

/** A page whose data a write changed: "/fixes", or [path, "layout" | "page"] for a dynamic segment. */
export type ChangedPage = string | readonly [path: string, type: "layout" | "page"];

/** What a write hands back: the data for the form, the message to show and the pages whose data changed. */
export interface Written<T> {
  data: T;
  message?: string;
  revalidate?: readonly ChangedPage[];
  /** Where to send the browser afterwards (a new record's page); the form then never sees the result. */
  redirectTo?: string;
}

interface Common {
  permission: Action;
  /** Pages every successful write of this action changes, besides the write's own `revalidate`. */
  revalidate?: readonly ChangedPage[];
}

export function defineAction<S extends z.ZodType, T>(
  spec: Common & { input: S; write: (actor: SessionUser, input: z.output<S>) => Promise<Written<T>> },
): (input: unknown) => Promise<ActionResult<T>>;
export function defineAction<Args extends unknown[], T>(
  spec: Common & { write: (actor: SessionUser, ...args: Args) => Promise<Written<T>> },
): (...args: Args) => Promise<ActionResult<T>>;
export function defineAction(
  spec: Common & { input?: z.ZodType; write: (actor: SessionUser, ...args: unknown[]) => Promise<Written<unknown>> },
) {
  return async (...args: unknown[]): Promise<ActionResult<unknown>> => {
    let written: Written<unknown>;
    const started = performance.now();
    try {
      const actor = await requireActionUser(spec.permission);
      written = await spec.write(actor, ...(spec.input ? [parseInput(spec.input, args[0])] : args));
    } catch (error) {
      const refused = toActionError(error);
      observeRequest("action", spec.permission, statusOfRefusal(error), (performance.now() - started) / 1000);
      return refused;
    }
    observeRequest("action", spec.permission, 200, (performance.now() - started) / 1000);
    for (const page of [...(spec.revalidate ?? []), ...(written.revalidate ?? [])]) {
      if (typeof page === "string") revalidatePath(page);
      else revalidatePath(page[0], page[1]);
    }
    // Outside the try: redirect() throws Next's own signal, which must reach Next.
    if (written.redirectTo) redirect(written.redirectTo);
    return { ok: true, data: written.data, message: written.message };
  };
}
