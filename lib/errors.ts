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
