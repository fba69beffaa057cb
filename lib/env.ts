import { z } from "zod";
import { ROLES } from "@/lib/auth/permissions";
import { parseRoleGroups } from "@/lib/auth/sso-settings";

// The only reader of process.env in the app. Parsed once; lib/boot.ts calls getEnv() when a server
// starts, so a bad setting stops it with one readable line instead of failing on first use. Command-line
// tools that only touch the database need only the database settings.
const databaseSchema = z.object({
  DATABASE_URL: z
    .string({ error: "DATABASE_URL is not set (npm start sets it for the embedded database)" })
    .refine((value) => URL.canParse(value) && /^postgres(ql)?:$/.test(new URL(value).protocol), {
      message: "DATABASE_URL must be a postgresql:// URL",
    }),
  // Connections per app instance. Under load a connection is held until Node gets round to the query's
  // result, so at 10 the pool, not PostgreSQL, capped throughput and pages failed waiting (npm run load).
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(20),
  // A streaming replica for the reads that tolerate a few seconds of lag (lib/db/replica.ts): dashboards,
  // the report, lists, exports. Used only while it is reachable and at most this many seconds behind.
  // Empty (as compose files and service units often leave it) means no replica.
  DATABASE_REPLICA_URL: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z
      .string()
      .refine((value) => URL.canParse(value) && /^postgres(ql)?:$/.test(new URL(value).protocol), {
        message: "DATABASE_REPLICA_URL must be a postgresql:// URL",
      })
      .optional(),
  ),
  DATABASE_REPLICA_MAX_LAG_SECONDS: z.coerce
    .number({ error: "DATABASE_REPLICA_MAX_LAG_SECONDS must be a number of seconds" })
    .positive("DATABASE_REPLICA_MAX_LAG_SECONDS must be more than 0")
    .max(3600, "DATABASE_REPLICA_MAX_LAG_SECONDS must be at most 3600")
    .default(10),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

// Outgoing mail and the links in it. Without SMTP_URL, email deliveries are recorded as skipped (with
// that reason) and every other channel still works.
const mailSchema = z.object({
  SMTP_URL: z
    .string()
    .refine((value) => URL.canParse(value) && /^smtps?:$/.test(new URL(value).protocol), {
      message: "SMTP_URL must be an smtp:// or smtps:// URL",
    })
    .optional(),
  MAIL_FROM: z.string().min(3, "MAIL_FROM must be an address such as Baton <alerts@example.com>").default("Baton <baton@localhost>"),
  NEXTAUTH_URL: z
    .url({ error: "NEXTAUTH_URL must be the app's public URL, e.g. https://baton.example.com" })
    .default("http://localhost:3000"),
});

const appSchema = databaseSchema
  .extend(mailSchema.shape)
  .extend({
    NEXTAUTH_SECRET: z.string({ error: "NEXTAUTH_SECRET is not set" }).min(32, "NEXTAUTH_SECRET must be at least 32 characters"),
    SESSION_MAX_AGE_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .default(12),
    // Per-token API budget. Only raised on purpose (the security scan sets it for its throwaway server).
    API_REQUESTS_PER_MINUTE: z.coerce
      .number({ error: "API_REQUESTS_PER_MINUTE must be a whole number" })
      .int("API_REQUESTS_PER_MINUTE must be a whole number")
      .min(1, "API_REQUESTS_PER_MINUTE must be at least 1")
      .max(1_000_000, "API_REQUESTS_PER_MINUTE must be at most 1000000")
      .default(600),
    // The key that encrypts CRM credentials at rest (lib/sync/crypto.ts): 32 bytes as 64 hex characters or
    // base64. Optional, so an instance without CRM connections needs none; it is never stored in the database.
    BATON_ENCRYPTION_KEY: z
      .string()
      .refine((value) => /^[0-9a-fA-F]{64}$/.test(value) || Buffer.from(value, "base64").length === 32, {
        message: "BATON_ENCRYPTION_KEY must be 32 bytes, written as 64 hex characters or in base64",
      })
      .optional(),
    // Single sign-on (OpenID Connect): all three or none.
    OIDC_ISSUER: z.url({ error: "OIDC_ISSUER must be the issuer's URL, e.g. https://login.example.com/realms/baton" }).optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    OIDC_NAME: z.string().min(1).max(60).default("single sign-on"),
    OIDC_PROVISIONING: z.enum(["auto", "invited"], { error: "OIDC_PROVISIONING must be auto or invited" }).default("auto"),
    OIDC_DEFAULT_ROLE: z.enum(ROLES, { error: `OIDC_DEFAULT_ROLE must be one of ${ROLES.join(", ")}` }).default("viewer"),
    OIDC_GROUPS_CLAIM: z.string().min(1).default("groups"),
    OIDC_ROLE_GROUPS: z
      .string()
      .optional()
      .superRefine((value, ctx) => {
        try {
          parseRoleGroups(value);
        } catch (error) {
          ctx.addIssue({ code: "custom", message: (error as Error).message });
        }
      }),
    // /api/metrics: with a token, scrapers send it as a bearer token; without one, only a server listening
    // on loopback (npm start's default) answers it.
    METRICS_TOKEN: z.string().min(16, "METRICS_TOKEN must be at least 16 characters").optional(),
    BATON_LISTEN_HOST: z.string().optional(),
    PASSWORD_SIGN_IN: z.enum(["on", "off"], { error: "PASSWORD_SIGN_IN must be on or off" }).default("on"),
  })
  .superRefine((env, ctx) => {
    const oidc = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET].filter(Boolean).length;
    if (oidc !== 0 && oidc !== 3)
      ctx.addIssue({ code: "custom", message: "single sign-on needs OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET together" });
    if (env.PASSWORD_SIGN_IN === "off" && oidc !== 3)
      ctx.addIssue({
        code: "custom",
        message: "PASSWORD_SIGN_IN=off needs single sign-on (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET), or nobody could sign in",
      });
  });

export type DatabaseEnv = z.infer<typeof databaseSchema>;
export type MailEnv = z.infer<typeof mailSchema>;
export type Env = z.infer<typeof appSchema>;

let cachedApp: Env | undefined;
let cachedDatabase: DatabaseEnv | undefined;

function parse<S extends z.ZodType>(schema: S): z.infer<S> {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) throw new Error(`Invalid settings: ${parsed.error.issues.map((issue) => issue.message).join("; ")}`);
  return parsed.data;
}

export function getEnv(): Env {
  cachedApp ??= parse(appSchema);
  return cachedApp;
}

export function getDatabaseEnv(): DatabaseEnv {
  cachedDatabase ??= parse(databaseSchema);
  return cachedDatabase;
}

/** Read on every send, not cached: a worker picks up the mail settings it is started with. */
export function getMailEnv(): MailEnv {
  return parse(mailSchema);
}
