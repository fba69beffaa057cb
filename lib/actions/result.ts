import { AppError, StaleWriteError } from "@/lib/errors";

// What every server action returns to the browser, and the refused stale write that carries the newer
// text so nobody loses work. Unexpected errors are logged and shown generically, never leaked.

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
    const newer =
      latest.text === null ? "It has since been deleted." : `It now reads: “${clip(latest.text)}”${latest.by ? ` (${latest.by})` : ""}.`;
    super(
      `Someone else changed ${what} since you opened it. ${newer} Nothing was saved; your text is kept so you can compare and save again.`,
    );
  }
}

function clip(text: string): string {
  return text.length > 280 ? `${text.slice(0, 280)}…` : text;
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

/** What a server action returns to its form: the data, or a message with field errors (and the newer version on a conflict). */
export type ActionResult<T = undefined> = { ok: true; data: T; message?: string } | ActionFailure;

export interface ActionFailure {
  ok: false;
  message: string;
  fieldErrors?: Record<string, string[]>;
  latest?: LatestVersion;
}

/** Maps any thrown value to a result a form can show; unexpected errors are logged, never leaked. */
export function toActionError(error: unknown): ActionFailure {
  if (error instanceof StaleRecordError) return { ok: false, message: error.message, fieldErrors: error.fieldErrors, latest: error.latest };
  if (error instanceof AppError) return { ok: false, message: error.message, fieldErrors: error.fieldErrors };
  console.error(error);
  return { ok: false, message: "Something went wrong on our side. Nothing was saved; try again." };
}
