/**
 * The demo workspace's people: two sales teams and the users who sign in. Every demo user shares
 * DEMO_PASSWORD; the loader hashes it once (argon2id) and reuses the hash for everyone.
 */
import { hash } from "@node-rs/argon2";

export type DemoRole = "admin" | "revops" | "marketing" | "sales_manager" | "sales_rep" | "viewer";

export const DEMO_PASSWORD = "baton-demo";
export const DEMO_EMAIL_DOMAIN = "demo.baton.dev";

export const DEMO_TEAMS = ["Inbound Sales", "Mid-Market"] as const;
export type DemoTeam = (typeof DEMO_TEAMS)[number];

export interface DemoUser {
  email: string;
  name: string;
  role: DemoRole;
  team: DemoTeam | null;
  /** Relative share of round-robin assignments within the team (reps only). */
  leadWeight: number;
}

/** The well-known sign-ins: what the README and the start script print. */
export const DEMO_LOGINS = {
  admin: `admin@${DEMO_EMAIL_DOMAIN}`,
  revops: `revops@${DEMO_EMAIL_DOMAIN}`,
  marketing: `marketing@${DEMO_EMAIL_DOMAIN}`,
  manager: `manager@${DEMO_EMAIL_DOMAIN}`,
  rep: `rep@${DEMO_EMAIL_DOMAIN}`,
  viewer: `viewer@${DEMO_EMAIL_DOMAIN}`,
} as const;

const rep = (email: string, name: string, team: DemoTeam, leadWeight = 1): DemoUser => ({
  email,
  name,
  role: "sales_rep",
  team,
  leadWeight,
});
const at = (local: string) => `${local}@${DEMO_EMAIL_DOMAIN}`;

export const DEMO_USERS: readonly DemoUser[] = [
  { email: DEMO_LOGINS.admin, name: "Ada Whitfield", role: "admin", team: null, leadWeight: 0 },
  { email: DEMO_LOGINS.revops, name: "Priya Raman", role: "revops", team: null, leadWeight: 0 },
  { email: DEMO_LOGINS.marketing, name: "Marcus Bell", role: "marketing", team: null, leadWeight: 0 },
  { email: at("hannah.lindqvist"), name: "Hannah Lindqvist", role: "marketing", team: null, leadWeight: 0 },
  { email: DEMO_LOGINS.manager, name: "Dana Okafor", role: "sales_manager", team: "Inbound Sales", leadWeight: 0 },
  { email: at("sofia.marquez"), name: "Sofia Marquez", role: "sales_manager", team: "Mid-Market", leadWeight: 0 },
  // The demo rep gets a slightly larger share so their own list is rich when signed in as rep@.
  rep(DEMO_LOGINS.rep, "Riley Chen", "Inbound Sales", 1.5),
  rep(at("jordan.patel"), "Jordan Patel", "Inbound Sales"),
  rep(at("emma.novak"), "Emma Novak", "Inbound Sales"),
  rep(at("liam.oconnor"), "Liam O'Connor", "Inbound Sales"),
  rep(at("aisha.bello"), "Aisha Bello", "Inbound Sales"),
  rep(at("noah.fischer"), "Noah Fischer", "Mid-Market"),
  rep(at("grace.kim"), "Grace Kim", "Mid-Market"),
  rep(at("mateo.rossi"), "Mateo Rossi", "Mid-Market"),
  rep(at("chloe.dubois"), "Chloe Dubois", "Mid-Market"),
  { email: DEMO_LOGINS.viewer, name: "Victor Hale", role: "viewer", team: null, leadWeight: 0 },
];

/** The sign-ins to print (all use DEMO_PASSWORD). */
export const DEMO_SIGN_INS: ReadonlyArray<{ email: string; role: DemoRole }> = [
  { email: DEMO_LOGINS.admin, role: "admin" },
  { email: DEMO_LOGINS.revops, role: "revops" },
  { email: DEMO_LOGINS.marketing, role: "marketing" },
  { email: DEMO_LOGINS.manager, role: "sales_manager" },
  { email: DEMO_LOGINS.rep, role: "sales_rep" },
  { email: DEMO_LOGINS.viewer, role: "viewer" },
];

export function repsOf(team: DemoTeam): DemoUser[] {
  return DEMO_USERS.filter((u) => u.role === "sales_rep" && u.team === team);
}

export function managerOf(team: DemoTeam): DemoUser {
  const manager = DEMO_USERS.find((u) => u.role === "sales_manager" && u.team === team);
  if (!manager) throw new Error(`no demo manager for team ${team}`);
  return manager;
}

export function demoUser(email: string): DemoUser {
  const user = DEMO_USERS.find((u) => u.email === email);
  if (!user) throw new Error(`unknown demo user ${email}`);
  return user;
}

export const MARKETERS: readonly DemoUser[] = DEMO_USERS.filter((u) => u.role === "marketing");

/** argon2id with the library defaults, like lib/auth/password.ts. Call once per seeding run. */
export function hashDemoPassword(): Promise<string> {
  return hash(DEMO_PASSWORD);
}
