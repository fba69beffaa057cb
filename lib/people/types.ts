import type { Role } from "@/lib/auth/permissions";

/** How a source system names a person (a CRM owner, SDR or event actor). Any one of the three is enough. */
export interface PersonRef {
  externalId?: string | null;
  email?: string | null;
  name?: string | null;
  /** For a person created from this ref; people from a CRM are sales reps unless the source says otherwise. */
  role?: Role;
}

/** A CRM cell naming a person: an email when it looks like one, else a display name. */
export function personRefFromCell(value: string): PersonRef {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) ? { email: value } : { name: value };
}
