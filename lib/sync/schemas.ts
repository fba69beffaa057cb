import { z } from "zod";
import { recordId } from "@/lib/actions/input";
import { LEAD_STATES } from "@/lib/import/lead-states";

// The connections page's forms, checked in the browser and again by the actions. Secrets are accepted
// here once and never sent back to the browser.

const secret = (label: string) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .min(8, `${label} looks too short: paste it whole.`)
    .max(4000, `${label} is too long.`);
const optionalText = z
  .string()
  .trim()
  .max(4000)
  .optional()
  .transform((value) => value || undefined);
const baseUrl = z
  .string()
  .trim()
  .optional()
  .transform((value) => value || undefined)
  .refine(
    (value) => value === undefined || (URL.canParse(value) && /^https?:$/.test(new URL(value).protocol)),
    "Enter a full http(s) address, or leave it empty for HubSpot's own API.",
  );

export const hubspotConnectionSchema = z.discriminatedUnion("auth", [
  z.object({
    auth: z.literal("private_app"),
    name: z.string().trim().min(2, "Name the connection (at least 2 characters).").max(100),
    accessToken: secret("The private app's access token"),
    clientSecret: optionalText,
    baseUrl,
  }),
  z.object({
    auth: z.literal("oauth"),
    name: z.string().trim().min(2, "Name the connection (at least 2 characters).").max(100),
    clientId: z.string().trim().min(4, "The app's client id is required.").max(200),
    clientSecret: secret("The app's client secret"),
    refreshToken: secret("The refresh token"),
    baseUrl,
  }),
]);
export type HubspotConnectionInput = z.infer<typeof hubspotConnectionSchema>;

export const connectionIdSchema = z.object({ id: recordId("connection") });

export const resyncRecordSchema = connectionIdSchema.extend({
  recordId: z
    .string({ error: "Enter the CRM record id." })
    .trim()
    .regex(/^[A-Za-z0-9]{1,40}$/, "A record id is letters and digits only (HubSpot: the contact's Record ID)."),
});

export const salesforceConnectionSchema = z.object({
  name: z.string().trim().min(2, "Name the connection (at least 2 characters).").max(100),
  instanceUrl: z
    .string({ error: "The instance URL is required." })
    .trim()
    .refine(
      (value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol),
      "Enter the org's full address, e.g. https://yourcompany.my.salesforce.com.",
    ),
  clientId: z.string().trim().min(4, "The connected app's consumer key is required.").max(300),
  clientSecret: secret("The connected app's consumer secret"),
  refreshToken: secret("The refresh token"),
  loginUrl: baseUrl,
});
export type SalesforceConnectionInput = z.infer<typeof salesforceConnectionSchema>;

const connectionName = (fallback: string) =>
  z
    .string()
    .trim()
    .max(100)
    .optional()
    .transform((value) => value || fallback)
    .refine((value) => value.length >= 2, "Name the connection (at least 2 characters).");

/** Where a Salesforce org's users sign in: a bare host (test.salesforce.com, yourcompany.my.salesforce.com) means its https address. */
const salesforceLoginUrl = z
  .string()
  .trim()
  .optional()
  .transform((value) => (!value ? "https://login.salesforce.com" : /^[a-z]+:\/\//i.test(value) ? value : `https://${value}`))
  .refine(
    (value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol) && new URL(value).pathname.length <= 1,
    "Enter the login host: login.salesforce.com, test.salesforce.com for a sandbox, or your My Domain (yourcompany.my.salesforce.com).",
  )
  .transform((value) => new URL(value).origin);

/** "Connect with Salesforce": the connected app's consumer key and secret and where its users sign in. */
export const salesforceOauthStartSchema = z.object({
  name: connectionName("Salesforce"),
  clientId: z.string().trim().min(4, "The connected app's consumer key is required.").max(300),
  clientSecret: secret("The connected app's consumer secret"),
  loginUrl: salesforceLoginUrl,
});
/** A connected app's JWT bearer flow: consumer key, the pre-authorized user, the login URL and the private key that signs. */
const salesforceJwtFields = z.object({
  clientId: z.string().trim().min(4, "The connected app's consumer key is required.").max(300),
  username: z
    .string({ error: "The Salesforce username is required." })
    .trim()
    .min(3, "The Salesforce username is required.")
    .max(200)
    .regex(/^[^\s@]+@[^\s@]+$/, "A Salesforce username looks like an email address (integration@yourcompany.com)."),
  loginUrl: salesforceLoginUrl,
  privateKey: z
    .string({ error: "The private key is required." })
    .trim()
    .max(20_000, "The private key is too long: paste one PEM key.")
    .regex(
      /^-----BEGIN (RSA |ENCRYPTED )?PRIVATE KEY-----[\s\S]+-----END (RSA |ENCRYPTED )?PRIVATE KEY-----$/,
      "Paste the private key in PEM form, from -----BEGIN PRIVATE KEY----- to -----END PRIVATE KEY-----.",
    ),
});
export const salesforceJwtConnectionSchema = salesforceJwtFields.extend({ name: connectionName("Salesforce") });
export const salesforceJwtRotationSchema = salesforceJwtFields.extend(connectionIdSchema.shape);
export type SalesforceJwtInput = z.infer<typeof salesforceJwtFields>;

export type SalesforceOauthStartInput = z.infer<typeof salesforceOauthStartSchema>;

/** "Connect with HubSpot": a public app's client id and secret; the API base only for a test server. */
export const hubspotOauthStartSchema = z.object({
  name: connectionName("HubSpot"),
  clientId: z.string().trim().min(4, "The app's client id is required.").max(200),
  clientSecret: secret("The app's client secret"),
  baseUrl,
});
export type HubspotOauthStartInput = z.infer<typeof hubspotOauthStartSchema>;

/** A mapping choice: a lead state, "" (says nothing about the handoff) or "preset" (no override: the preset decides, or the value stays unmapped). */
export const MAPPING_PRESET = "preset";
const mappingChoice = z.enum([...LEAD_STATES, "", MAPPING_PRESET], { error: "Choose what this value means from the list." });

/** The mapping form: one `state:<value>` field per CRM value, the rejection-reason field, and whether to re-read every record. */
export const connectionMappingFormSchema = z.preprocess(
  (input) => {
    if (typeof input !== "object" || input === null) return input;
    const entries = Object.entries(input as Record<string, unknown>);
    return {
      ...Object.fromEntries(entries.filter(([name]) => !name.startsWith("state:"))),
      states: Object.fromEntries(entries.filter(([name]) => name.startsWith("state:")).map(([name, value]) => [name.slice(6), value])),
    };
  },
  connectionIdSchema.extend({
    states: z.record(z.string().trim().min(1).max(200), mappingChoice),
    reasonField: z
      .string()
      .trim()
      .max(200, "A field name is at most 200 characters.")
      .regex(/^[A-Za-z0-9_.]*$/, "A field's API name is letters, digits, dots and underscores (e.g. hs_lead_rejection_reason).")
      .optional()
      .transform((value) => value || undefined),
    reread: z
      .string()
      .optional()
      .transform((value) => value === "on"),
  }),
);
