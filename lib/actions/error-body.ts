import { AppError } from "@/lib/errors";

// The one error body every JSON answer uses, the token API's and the signed-in pages' route handlers alike:
// { error: { code, message, fields? } }. The HTTP status says how bad; the code names it for a program.

export const ERROR_CODES: Readonly<Record<number, string>> = {
  400: "bad_request",
  401: "unauthenticated",
  403: "forbidden",
  404: "not_found",
  409: "conflict",
  413: "payload_too_large",
  422: "invalid",
  429: "rate_limited",
};

export interface ErrorField {
  path: string;
  message: string;
}

export interface ErrorBody {
  error: { code: string; message: string; fields?: ErrorField[] };
}

/** The code for a status: its name in ERROR_CODES, "internal" for a server fault, "error" otherwise. */
export function errorCode(status: number): string {
  return ERROR_CODES[status] ?? (status >= 500 ? "internal" : "error");
}

export function errorBody(code: string, message: string, fields?: readonly ErrorField[]): ErrorBody {
  return { error: { code, message, ...(fields?.length ? { fields: [...fields] } : {}) } };
}

/** An AppError's field errors ({ path: [messages] }) as the body's fields, one entry per message. */
export function errorFields(error: AppError): ErrorField[] | undefined {
  return error.fieldErrors
    ? Object.entries(error.fieldErrors).flatMap(([path, messages]) => messages.map((message) => ({ path, message })))
    : undefined;
}
