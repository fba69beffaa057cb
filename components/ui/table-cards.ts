// Below md a table's columns cannot fit a phone, so the shared tables turn each row into a card: the row
// a block, each cell a "label  value" line whose label is the column header (from data-label). Desktop
// keeps the table untouched: every class here applies only below md.

export const cardTable = "max-md:block";
export const cardHead = "max-md:hidden";
export const cardBody = "max-md:block";
export const cardRow = "max-md:block max-md:px-4 max-md:py-3";
export const cardCell =
  "max-md:grid max-md:w-auto max-md:justify-items-start max-md:grid-cols-[minmax(0,7rem)_minmax(0,1fr)] max-md:gap-x-3 max-md:px-0 max-md:py-0.5 max-md:text-left max-md:whitespace-normal max-md:before:pt-0.5 max-md:before:text-xs max-md:before:font-medium max-md:before:text-slate-500 max-md:before:content-[attr(data-label)]";
/** A cell without a visible header (actions, a row's opened panel): full width in the card. */
export const cardWideCell = "max-md:block max-md:w-auto max-md:px-0 max-md:py-1 max-md:text-left max-md:whitespace-normal";
