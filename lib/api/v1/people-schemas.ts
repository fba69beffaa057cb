import { z } from "zod";
import { ROLES } from "@/lib/auth/permissions";
import { param } from "@/lib/api/v1/leads-schemas";
import { EXTERNAL_ID, SOURCE_SYSTEM } from "@/lib/leads/upsert-schemas";

// The people of the workspace (CRM owners, SDRs, event actors; with or without a Baton sign-in), as
// GET/POST /people read and write them. Shared by the routes and the OpenAPI document.

const someText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((value) => value.trim().length > 0, "must not be empty or only whitespace");

export const identitySchema = z.object({
  sourceSystem: z.string(),
  externalId: z.string().nullable(),
  email: z.string().nullable(),
  name: z.string().nullable(),
});

export const personSchema = z
  .object({
    id: z.number().int().meta({ description: "The person's id: what leads' owner.id and ownerId hold." }),
    name: z.string(),
    email: z.string().nullable(),
    role: z.enum(ROLES),
    signIn: z.boolean().meta({ description: "Whether the person can sign in to Baton (false for people known only from a CRM)." }),
    active: z.boolean(),
    identities: z.array(identitySchema).meta({ description: "How each source system names the person." }),
  })
  .meta({ id: "Person" });

export const PEOPLE_PAGE_SIZE = 100;
export const peopleQuerySchema = z
  .object({
    sourceSystem: SOURCE_SYSTEM.optional().meta(param("With externalId: the person a source system knows by that id.", "hubspot")),
    externalId: EXTERNAL_ID.optional().meta(
      param("The person's id in the source system (a CRM owner id); use with sourceSystem.", "owner-7781"),
    ),
    email: z.string().trim().min(3).max(254).optional().meta(param("Exact email, case-insensitive.", "riley.chen@example.com")),
    q: EXTERNAL_ID.optional().meta(param("Part of the name or email.", "riley")),
    page: z.coerce
      .number()
      .int()
      .min(1)
      .max(100_000)
      .optional()
      .meta(param(`Page number, from 1; ${PEOPLE_PAGE_SIZE} people a page.`, "1")),
  })
  .strict()
  .superRefine((query, context) => {
    if (query.externalId !== undefined && query.sourceSystem === undefined)
      context.addIssue({ code: "custom", path: ["sourceSystem"], message: "is required with externalId" });
  });

export const peopleListResponseSchema = z
  .object({ page: z.number().int(), pageSize: z.number().int(), hasMore: z.boolean(), people: z.array(personSchema) })
  .meta({ id: "PersonList" });

export const personCreateSchema = z
  .object({
    sourceSystem: SOURCE_SYSTEM,
    externalId: someText(200).optional().meta({ description: "The person's id in the source system.", example: "owner-7781" }),
    email: z.email().max(254).optional(),
    name: someText(200)
      .optional()
      .meta({ description: "Required when no person matches yet and no email is given.", example: "Riley Chen" }),
    role: z
      .enum(ROLES)
      .optional()
      .meta({ description: "For a person created now; default sales_rep. An existing person's role is not changed." }),
  })
  .strict()
  .superRefine((person, context) => {
    if (person.externalId === undefined && person.email === undefined && person.name === undefined)
      context.addIssue({ code: "custom", path: ["externalId"], message: "send at least one of externalId, email or name" });
  })
  .meta({ id: "PersonCreate" });
export type PersonCreateRequest = z.infer<typeof personCreateSchema>;

export const personCreateResponseSchema = z
  .object({
    action: z.enum(["created", "linked", "existing"]).meta({
      description: "created: a new person; linked: an existing user got this identity (e.g. by email); existing: already known by it.",
    }),
    person: personSchema,
  })
  .meta({ id: "PersonCreateResult" });
