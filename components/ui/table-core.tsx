import clsx from "clsx";
import type { HTMLAttributes, ReactNode, TdHTMLAttributes, ThHTMLAttributes } from "react";
import { cardBody, cardCell, cardHead, cardRow, cardTable, cardWideCell } from "@/components/ui/table-cards";

// The one look of every list table, drawn here once: header style, row rules, cell padding, the screen
// reader caption, and the phone cards of table-cards.ts. The entity table (static rows) and the data table
// (TanStack, paged and sorted in the address) both draw their markup with these pieces. No hooks, so it
// serves server and client components alike.

/** A cell's padding; `compact` is the lead lists', whose many columns need the room. */
const cellPadding = (compact: boolean | undefined) => (compact ? "px-2.5 py-2" : "px-3 py-2");

export function Table(props: {
  caption: string;
  /** The header row(s): <tr>s of HeaderCells. */
  head: ReactNode;
  /** Keeps the header in view when the table scrolls inside a box of limited height. */
  stickyHeader?: boolean;
  /** Shown under the header when there are no rows. */
  empty?: ReactNode;
  children: ReactNode;
}) {
  const { caption, head, stickyHeader = false, empty, children } = props;
  return (
    <>
      <table className={clsx("min-w-full text-sm", cardTable)}>
        <caption className="sr-only">{caption}</caption>
        <thead
          className={clsx(
            "bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-500 uppercase",
            stickyHeader && "sticky top-0 z-10",
            cardHead,
          )}
        >
          {head}
        </thead>
        <tbody className={clsx("divide-y divide-slate-100", cardBody)}>{children}</tbody>
      </table>
      {empty !== undefined && <div className="px-4 py-10 text-center text-sm text-slate-500">{empty}</div>}
    </>
  );
}

export function HeaderCell({
  compact,
  srOnly,
  className,
  children,
  ...attributes
}: ThHTMLAttributes<HTMLTableCellElement> & { compact?: boolean; srOnly?: boolean }) {
  return (
    <th scope="col" className={clsx(cellPadding(compact), className)} {...attributes}>
      {srOnly ? <span className="sr-only">{children}</span> : children}
    </th>
  );
}

/** A record's row; on a phone, a card. */
export function BodyRow({ className, ...attributes }: HTMLAttributes<HTMLTableRowElement>) {
  return <tr className={clsx("align-top hover:bg-slate-50", cardRow, className)} {...attributes} />;
}

/**
 * A record's cell. `label` is its column's header, written beside the value on a phone; a cell without
 * one (actions, an opened panel) takes the card's whole width. `rowHeader` names the row for screen readers
 * (a <th>, drawn like the other cells: its content sets any weight).
 */
export function BodyCell({
  label,
  rowHeader,
  compact,
  className,
  ...attributes
}: TdHTMLAttributes<HTMLTableCellElement> & { label: string | undefined; rowHeader?: boolean; compact?: boolean }) {
  const classes = clsx(
    cellPadding(compact),
    rowHeader && "text-left font-normal",
    className,
    label === undefined ? cardWideCell : cardCell,
  );
  if (rowHeader) return <th scope="row" data-label={label} className={classes} {...attributes} />;
  return <td data-label={label} className={classes} {...attributes} />;
}
