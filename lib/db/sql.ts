// A small tagged-template SQL builder for the metrics: values always become numbered parameters ($1, $2…),
// nested fragments are spliced in, so predicates compose without ever string-interpolating user input.
// Only the literal text written in this codebase's templates reaches the SQL text.

export class Sql {
  constructor(
    readonly strings: readonly string[],
    readonly values: readonly unknown[],
  ) {}
}

export function sql(strings: TemplateStringsArray, ...values: unknown[]): Sql {
  const parts: string[] = [strings[0] ?? ""];
  const params: unknown[] = [];
  values.forEach((value, index) => {
    const next = strings[index + 1] ?? "";
    if (value instanceof Sql) {
      // Splice the fragment: its first string joins ours, its last string starts the next part.
      parts[parts.length - 1] += value.strings[0] ?? "";
      for (let i = 0; i < value.values.length; i++) {
        params.push(value.values[i]);
        parts.push(value.strings[i + 1] ?? "");
      }
      parts[parts.length - 1] += next;
    } else {
      params.push(value);
      parts.push(next);
    }
  });
  return new Sql(parts, params);
}

export const empty = new Sql([""], []);

/** Fragments separated by a constant separator (", ", " AND "…). */
export function join(fragments: readonly Sql[], separator: string): Sql {
  if (fragments.length === 0) return empty;
  const strings: string[] = [];
  const values: unknown[] = [];
  fragments.forEach((fragment, index) => {
    const [head = "", ...rest] = fragment.strings;
    if (index === 0) strings.push(head);
    else strings[strings.length - 1] += separator + head;
    strings.push(...rest);
    values.push(...fragment.values);
  });
  return new Sql(strings, values);
}

/** AND of the conditions; TRUE when there are none. */
export function and(conditions: readonly Sql[]): Sql {
  if (conditions.length === 0) return sql`TRUE`;
  return join(
    conditions.map((condition) => sql`(${condition})`),
    " AND ",
  );
}

/** What node-postgres takes: text with $n placeholders and the values in order (numbered from `first`). */
export function toQuery(fragment: Sql, first = 1): { text: string; values: unknown[] } {
  let text = fragment.strings[0] ?? "";
  for (let i = 1; i < fragment.strings.length; i++) text += `$${i + first - 1}${fragment.strings[i]}`;
  return { text, values: [...fragment.values] };
}

/** A column alias chosen in code (never from input): validated, then quoted. */
export function identifier(name: string): Sql {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a safe identifier: ${name}`);
  return new Sql([`"${name}"`], []);
}
