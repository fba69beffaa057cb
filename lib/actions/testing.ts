// Shared by the integration tests of the features' mutations: the people they act as.
import type { Actor } from "@/lib/actions/authorize";
import { db } from "@/lib/db";

/** A user of `role`, named after the email's local part, who cannot sign in: enough to act as in a mutation. */
export async function createActor(email: string, role: Actor["role"]): Promise<Actor> {
  return db.user.create({ data: { email, name: email.split("@")[0]!, passwordHash: "x", role }, select: { id: true, role: true } });
}
