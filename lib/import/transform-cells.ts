import { matchChoice, type ChoiceIndex } from "@/lib/import/choices";
import { DATE_FORMAT_LABELS, impossibleDate, parseDate } from "@/lib/import/dates";
import type { Channel, EventType } from "@/lib/diagnosis/vocabulary";
import { issue, type RowIssue } from "@/lib/import/issues";
import type { CompiledColumn, CompiledMapping } from "@/lib/import/mapping";
import { cleanCell, cleanLongCell } from "@/lib/import/values";
import { personRefFromCell, type PersonRef } from "@/lib/people/types";

// Reading one cell of a row as its target wants it (text, date, choice), reporting what could not be
// read. Shared by the lead and activity transforms.

export interface TransformContext {
  mapping: CompiledMapping;
  choices: ChoiceIndex;
  timeZone: string;
  sourceSystem: string;
}

/** An event read from a row, before its lead's database id is known. */
export interface PendingEvent {
  leadExternalId: string;
  type: EventType;
  occurredAt: Date;
  actorId: number | null;
  actorName: string | null;
  channel: Channel | null;
  details: Record<string, unknown>;
  externalId: string;
  /** A CRM person not matched to a user yet: resolved (or created) when written, as the actor or as details.ownerId. */
  person?: { ref: PersonRef; as: "actor" | "owner" };
}

/** A person cell: a matched user id, or the CRM's name/email for one to be found or created on import. */
export interface PersonCell {
  id: number | null;
  ref: PersonRef | null;
}

const MAX_TEXT = 500;
const MAX_LONG_TEXT = 10_000;

export class RowReader {
  readonly issues: RowIssue[] = [];
  constructor(
    readonly cells: readonly string[],
    readonly row: number,
    readonly context: TransformContext,
  ) {}

  column(targetId: string): CompiledColumn | undefined {
    return this.context.mapping.first.get(targetId);
  }

  columns(predicate: (column: CompiledColumn) => boolean): CompiledColumn[] {
    return this.context.mapping.columns.filter(predicate);
  }

  /** The cleaned cell of a column ("" when empty or a placeholder). */
  raw(column: CompiledColumn): string {
    const cell = this.cells[column.index];
    return column.target.kind === "long_text" ? cleanLongCell(cell) : cleanCell(cell);
  }

  /** Text of the target's column: undefined when unmapped, null when empty; cut to a sane length. */
  text(targetId: string): string | null | undefined {
    const column = this.column(targetId);
    if (!column) return undefined;
    const value = this.raw(column);
    if (!value) return null;
    const limit = column.target.kind === "long_text" ? MAX_LONG_TEXT : MAX_TEXT;
    if (value.length > limit) {
      this.warn(column, value, `Longer than ${limit.toLocaleString("en")} characters: the rest was cut off.`);
      return value.slice(0, limit);
    }
    return value;
  }

  /** A date column: undefined when unmapped, null when empty or unreadable (reported). */
  date(column: CompiledColumn, severity: "error" | "warning" = "warning", consequence = "left empty"): Date | null {
    const value = this.raw(column);
    if (!value) return null;
    const date = parseDate(value, column.dateFormat, this.context.timeZone);
    if (!date) {
      const impossible = impossibleDate(value, column.dateFormat);
      this.report(
        column,
        value,
        impossible
          ? `${impossible.replace(/\.$/, "")}: ${consequence}.`
          : `Not a date in the ${DATE_FORMAT_LABELS[column.dateFormat]} format: ${consequence}.`,
        severity,
      );
      return null;
    }
    return date;
  }

  dateOf(targetId: string, severity: "error" | "warning" = "warning", consequence?: string): Date | null | undefined {
    const column = this.column(targetId);
    return column ? this.date(column, severity, consequence) : undefined;
  }

  /** A choice column: the product value, "" for none; unmatched values are reported and left empty. */
  choice(column: CompiledColumn, unmatched: string): string {
    const value = this.raw(column);
    if (!value || !column.target.choices) return "";
    const set = column.target.choices;
    const matched = matchChoice(set, value, this.context.choices, column.values, this.context.mapping.suggestedValues[set]);
    if (matched === undefined) {
      this.warn(column, value, unmatched);
      return "";
    }
    return matched;
  }

  /**
   * A person column (owner, actor): the user the value mapping or a user's email/name gives, else the
   * CRM's own name for them, which the import resolves to a person of the workspace (never dropped).
   */
  person(targetId: string): PersonCell | undefined {
    const column = this.column(targetId);
    if (!column) return undefined;
    const value = this.raw(column);
    if (!value || !column.target.choices) return { id: null, ref: null };
    const matched = matchChoice(
      column.target.choices,
      value,
      this.context.choices,
      column.values,
      this.context.mapping.suggestedValues[column.target.choices],
    );
    if (matched === undefined) return { id: null, ref: personRefFromCell(value) };
    return { id: userId(matched), ref: null };
  }

  choiceOf(targetId: string, unmatched: string): string | undefined {
    const column = this.column(targetId);
    return column ? this.choice(column, unmatched) : undefined;
  }

  report(column: CompiledColumn | null, value: string | null, message: string, severity: "error" | "warning" = "error"): void {
    this.issues.push(issue(this.row, column?.header ?? null, value, message, severity));
  }

  warn(column: CompiledColumn, value: string, message: string): void {
    this.report(column, value, message, "warning");
  }

  get failed(): boolean {
    return this.issues.some((found) => found.severity === "error");
  }
}

/** A user id from a choice value ("12"), or null. */
export function userId(value: string | undefined): number | null {
  if (!value) return null;
  const id = Number(value);
  return Number.isInteger(id) && id > 0 ? id : null;
}
