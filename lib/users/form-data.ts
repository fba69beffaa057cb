import type { ActionResult } from "@/lib/actions/result";

// Turns the users and account forms' FormData into the plain objects the schemas parse. Field names are
// the schema keys, so a field error's key is also the name of the input it belongs to.

export function readFields<const K extends string>(formData: FormData, names: readonly K[]): Record<K, string | undefined> {
  return Object.fromEntries(
    names.map((name) => {
      const value = formData.get(name);
      return [name, typeof value === "string" ? value : undefined];
    }),
  ) as Record<K, string | undefined>;
}

export interface UserChangeData {
  /** The change revoked the acting user's own session (their own role, password or sessions). */
  signedOutSelf: boolean;
}

/** An invitation or a reset: the temporary password, shown once and never stored in plain text. */
export interface OneTimePasswordData extends UserChangeData {
  name: string;
  email: string | null;
  temporaryPassword: string;
}

/** What a users form holds between submissions: nothing yet, or the last result. */
export type UserFormState<T> = ActionResult<T> | null;
