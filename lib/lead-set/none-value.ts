/** In `source` and `campaign`: the leads where the field is empty (a dashboard bar for "no source").
 * Its own module so that client components can use it without the list query's zod schemas. */
export const NONE_VALUE = "(none)";
