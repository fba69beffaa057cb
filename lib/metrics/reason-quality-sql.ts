import { GENERIC_REASON_FILLERS } from "@/lib/diagnosis/reason-quality";
import { sql, type Sql } from "@/lib/db/sql";

// rejection_reason_quality in SQL, mirroring lib/diagnosis/reason-quality.ts step by step so the dashboard
// scores a rejection exactly as the lead's diagnosis does (reason-quality-sql.int.test.ts checks both agree):
//   0 no code and no text · 0.5 a code alone, or text alone · 1 a code plus specific detail.
// Specific = trimmed detail of at least `minimumSpecificDetailLength` characters that is not a generic filler;
// "other" counts as a code only when the detail is specific.

/** The characters JavaScript's trim() and \s treat as white space. */
const JS_WHITESPACE =
  "\t\n\u000b\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff";
const WHITESPACE_RUN = `[${JS_WHITESPACE}]+`;
/** Characters outside the Basic Multilingual Plane count twice in a JavaScript string's length. */
const ASTRAL = "[\\U00010000-\\U0010FFFF]";

const STRIPPABLE = `${JS_WHITESPACE}.!?,;:`;
const LONGEST_FILLER = Math.max(...GENERIC_REASON_FILLERS.map((filler) => [...filler].filter((char) => !STRIPPABLE.includes(char)).length));

export const jsTrim = (text: Sql): Sql => sql`btrim(${text}, ${JS_WHITESPACE}::text)`;
/**
 * JavaScript's length (UTF-16 code units) is at least `minimum`. It lies between the character count and the
 * byte count, so the regular expression that counts characters outside the BMP twice runs only in between.
 */
const jsLengthAtLeast = (text: Sql, minimum: Sql) =>
  sql`(char_length(${text}) >= ${minimum}::int OR (octet_length(${text}) >= ${minimum}::int AND char_length(regexp_replace(${text}, ${ASTRAL}::text, 'xx', 'g')) >= ${minimum}::int))`;
/** At least one letter or digit (JavaScript: /[\p{L}\p{N}]/u). */
const meaningful = (text: Sql) => sql`COALESCE(${text} ~ '[[:alpha:][:digit:]]', FALSE)`;
/** normalise(): trim, lower-case, collapse white space, drop trailing punctuation. */
const normalised = (trimmed: Sql) =>
  sql`regexp_replace(regexp_replace(lower(${trimmed}), ${WHITESPACE_RUN}::text, ' ', 'g'), '[.!?,;:]+$', '')`;

/**
 * isGenericFiller: the normalised text is empty or a filler. (Its second test, the trimmed lower-cased text
 * being a filler, adds nothing: normalising such a text gives the filler itself, or "" for ".".)
 */
function genericFiller(trimmed: Sql): Sql {
  // Normalising only removes white space and trailing punctuation, so a text with more of everything else
  // than the longest filler cannot be one: a cheap test that spares most reasons the regular expressions.
  const stripped = sql`char_length(translate(${trimmed}, ${STRIPPABLE}::text, ''))`;
  return sql`(${stripped} <= ${LONGEST_FILLER}::int AND ${normalised(trimmed)} = ANY(${["", ...GENERIC_REASON_FILLERS]}::text[]))`;
}

/** The minimum length: a number from the definitions, or SQL that reads it. */
const minimumSql = (minimumLength: number | Sql): Sql =>
  typeof minimumLength === "number" ? sql`${Math.max(0, minimumLength)}` : sql`GREATEST(0, ${minimumLength})`;

export function specificDetailSql(detail: Sql, minimumLength: number | Sql): Sql {
  const trimmed = jsTrim(detail);
  return sql`(${meaningful(detail)} AND ${jsLengthAtLeast(trimmed, minimumSql(minimumLength))} AND NOT ${genericFiller(trimmed)})`;
}

/** The score (0, 0.5 or 1, as numeric) of a reason code and detail. */
export function reasonQualitySql(code: Sql, detail: Sql, minimumLength: number | Sql): Sql {
  const trimmedCode = sql`COALESCE(${jsTrim(code)}, '')`;
  const specific = specificDetailSql(detail, minimumLength);
  const usableCode = sql`(${trimmedCode} <> '' AND NOT (lower(${trimmedCode}) = 'other' AND NOT ${specific}))`;
  return sql`(CASE WHEN ${usableCode} THEN (CASE WHEN ${specific} THEN 1.0 ELSE 0.5 END)
    WHEN ${meaningful(detail)} THEN 0.5 ELSE 0.0 END)`;
}
