// Text PostgreSQL cannot store or compare exactly as sent: NUL fails the query (a 500 instead of an
// answer), and a UTF-16 half without its pair is silently replaced. One rule for the API's bodies and
// queries, the pages' query strings (proxy.ts) and the list filters.
const UNSTORABLE_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isStorableText(value: string): boolean {
  return !UNSTORABLE_TEXT.test(value);
}
