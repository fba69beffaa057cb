// What a paginated list says about where the reader is: the rows shown, the page, whether there is a
// next one. When the total is only a lower bound (lists cap their count), it says "more than".
export interface PaginationSummary {
  rows: string;
  pages: string;
  hasNext: boolean;
}

export function paginationSummary({
  total,
  totalExact = true,
  page,
  pageSize,
}: {
  total: number;
  totalExact?: boolean;
  page: number;
  pageSize: number;
}): PaginationSummary {
  const firstRow = (page - 1) * pageSize + 1;
  const format = (value: number) => value.toLocaleString("en");
  if (!totalExact) {
    // More than `total` rows: this page is full, and the pages run past ceil(total / pageSize).
    const knownPages = Math.ceil(total / pageSize);
    return {
      rows: `${format(firstRow)}–${format(page * pageSize)} of more than ${format(total)}`,
      pages: `Page ${format(page)} of more than ${format(Math.max(knownPages, page))}`,
      hasNext: true,
    };
  }
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const rows = total === 0 ? "No matching leads" : `${format(firstRow)}–${format(Math.min(total, page * pageSize))} of ${format(total)}`;
  return { rows, pages: `Page ${format(page)} of ${format(pageCount)}`, hasNext: page < pageCount };
}
