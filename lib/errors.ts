// Errors whose message is safe and useful to show a user. Anything else is logged and shown generically.
export class AppError extends Error {
  constructor(
    message: string,
    readonly status: number = 400,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends AppError {
  constructor(what = "That record") {
    super(`${what} was not found.`, 404);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = "You do not have permission to do that.") {
    super(message, 403);
  }
}

export class UnauthenticatedError extends AppError {
  constructor() {
    super("Sign in to continue.", 401);
  }
}

/** Someone else changed the record after it was read: the write is refused rather than overwriting. */
export class StaleWriteError extends AppError {
  constructor(message = "Someone else changed this record since you opened it. Reload to see their change.") {
    super(message, 409);
  }
}

export class ValidationError extends AppError {
  constructor(fieldErrors: Record<string, string[]>, message = "Some fields need attention.") {
    super(message, 422, fieldErrors);
  }
}

export type ActionResult<T = undefined> =
  | { ok: true; data: T; message?: string }
  | { ok: false; message: string; fieldErrors?: Record<string, string[]> };

/** Maps any thrown value to a result a form can show; unexpected errors are logged, never leaked. */
export function toActionError(error: unknown): { ok: false; message: string; fieldErrors?: Record<string, string[]> } {
  if (error instanceof AppError) return { ok: false, message: error.message, fieldErrors: error.fieldErrors };
  console.error(error);
  return { ok: false, message: "Something went wrong on our side. Nothing was saved; try again." };
}
