// Hostile inputs for the API fuzz test (lib/api/v1/fuzz.int.test.ts), with fast-check: strings that break
// naive code (huge, NUL, lone surrogates, right-to-left overrides, SQL, prototype keys), wrong types, and
// bodies shaped like an operation's OpenAPI schema with hostile values planted at random places — so
// most requests get past the first checks and exercise the deeper ones.
import fc from "fast-check";
import type { JsonSchema } from "@/components/tokens/schema-fields";

export type { JsonSchema };

export const HOSTILE_STRINGS = [
  "",
  " ",
  "\u0000",
  "nul\u0000inside",
  "\uD800",
  "lone \uDFFF surrogate",
  "\u202Egnp.exe\u202C",
  "مرحبا بالعالم",
  "שלום עולם",
  "\u200B\u200C\u200D\uFEFF",
  "Z̷̧̛a̶̡͝l̵̢̛g̸̨̛o̷̢͘",
  "👩‍👩‍👧‍👦🏳️‍🌈",
  "' OR '1'='1' --",
  "1; DROP TABLE leads; --",
  "1' UNION SELECT password_hash FROM users --",
  "\\'; SELECT pg_sleep(10); --",
  "%",
  "_%\\",
  "$1",
  "${jndi:ldap://x}",
  "{{7*7}}",
  "<script>alert(1)</script>",
  "../../../../etc/passwd",
  "NaN",
  "Infinity",
  "-0",
  "1e309",
  "-1",
  "0x10",
  "2147483648",
  "99999999999999999999999",
  "null",
  "true",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
];

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  {
    weight: 1,
    arbitrary: fc.string({ unit: fc.oneof(fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }), loneSurrogate), maxLength: 20 }),
  },
  { weight: 1, arbitrary: fc.integer({ min: 201, max: 300_000 }).map((length) => "x".repeat(length)) },
);

export const HOSTILE_KEYS = [
  "__proto__",
  "constructor",
  "prototype",
  "hasOwnProperty",
  "",
  " ",
  "\u0000",
  "$where",
  "a.b",
  "0",
  "__defineGetter__",
];

export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(-0, 0, -1, 0.5, 2 ** 31, 2 ** 31 - 1, 2 ** 53 + 2, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, 1e21),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Any JSON value, most of it hostile; objects may carry prototype-pollution keys. */
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    hostileString,
    hostileNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...HOSTILE_KEYS), fc.string({ maxLength: 8 })), tie("value"), { maxKeys: 4 }),
  ),
})).value;

function resolve(schema: JsonSchema, components: Record<string, JsonSchema>): JsonSchema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace("#/components/schemas/", "");
  const target = components[name];
  if (!target) throw new Error(`unknown schema ${schema.$ref}`);
  return resolve(target, components);
}

function plausibleString(schema: JsonSchema): fc.Arbitrary<string> {
  if (schema.format === "date-time")
    return fc.date({ min: new Date("1990-01-01"), max: new Date("2040-01-01"), noInvalidDate: true }).map((date) => date.toISOString());
  if (schema.format === "email") return fc.emailAddress();
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
  return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 40, 40) });
}

/** A value the schema accepts (roughly): the base the hostile values are planted in. */
function plausible(schema: JsonSchema, components: Record<string, JsonSchema>, depth: number): fc.Arbitrary<unknown> {
  const resolved = resolve(schema, components);
  const branches = resolved.oneOf ?? resolved.anyOf;
  if (branches) return fc.oneof(...branches.map((branch) => shaped(branch, components, depth)));
  if (resolved.allOf) return shaped(resolved.allOf[0]!, components, depth);
  if (resolved.const !== undefined) return fc.constant(resolved.const);
  if (resolved.enum) return fc.constantFrom(...resolved.enum);
  const types = Array.isArray(resolved.type) ? resolved.type : [resolved.type ?? "object"];
  const type = types.find((candidate) => candidate !== "null") ?? "null";
  switch (type) {
    case "string":
      return plausibleString(resolved);
    case "integer": {
      const min = resolved.minimum ?? -1_000_000;
      const max = Math.min(resolved.maximum ?? 1_000_000, 2 ** 31 - 1);
      // Small numbers too: the ids and versions of real records, so some requests reach the writes.
      return fc.oneof(fc.integer({ min: Math.max(min, 0), max: Math.max(min, 0, Math.min(max, 60)) }), fc.integer({ min, max }));
    }
    case "number":
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array":
      return fc.array(shaped(resolved.items ?? {}, components, depth + 1), {
        minLength: Math.min(resolved.minItems ?? 0, 3),
        maxLength: 3,
      });
    default: {
      if (depth > 4 || !resolved.properties) return fc.dictionary(fc.string({ maxLength: 12 }), fc.boolean(), { maxKeys: 3 });
      const properties = Object.fromEntries(
        Object.entries(resolved.properties).map(([key, property]) => [key, shaped(property, components, depth + 1)]),
      );
      return fc.record(properties, { requiredKeys: resolved.required ?? [] });
    }
  }
}

/** Mostly schema-shaped values, with a hostile value (or an extra hostile key) in about one node in six. */
export function shaped(schema: JsonSchema, components: Record<string, JsonSchema>, depth = 0): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 5, arbitrary: plausible(schema, components, depth) }, { weight: 1, arbitrary: hostileValue });
}

/** Bodies that are not what JSON.stringify would produce: the parser's and validator's edge cases. */
export const RAW_BODIES: string[] = [
  "",
  "{",
  "{not json",
  "\uFEFF{}",
  "null",
  "[]",
  "0",
  '"just a string"',
  `${"[".repeat(1000)}${"]".repeat(1000)}`,
  `${'{"a":'.repeat(1000)}1${"}".repeat(1000)}`,
  '{"version": 1e309, "answer": "overflow"}',
  '{"version": -0, "answer": "minus zero"}',
  '{"version": NaN}',
  '{"version": "NaN", "answer": "nan string"}',
  '{"__proto__": {"polluted": true}, "version": 0, "answer": "proto"}',
  '{"constructor": {"prototype": {"polluted": true}}}',
  '{"leads": [{"__proto__": {"polluted": true}, "externalId": "p1", "name": "Proto", "capturedAt": "2025-01-01T00:00:00Z"}]}',
  '{"version": 0, "version": 1, "answer": "duplicate keys"}',
  `{"leads": [${Array.from({ length: 10_000 }, (_, index) => `{"externalId":"x${index}"}`).join(",")}]}`,
  `{"events": [${Array.from({ length: 10_000 }, () => "{}").join(",")}]}`,
  `{"criteria": {${Array.from({ length: 10_000 }, (_, index) => `"c${index}": true`).join(",")}}, "decision": "accept", "version": 0}`,
  `{"answer": "${"a".repeat(5 * 1024 * 1024)}"}`,
];
