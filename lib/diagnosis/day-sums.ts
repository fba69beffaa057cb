// Running totals of a per-day quantity (a calendar's working milliseconds of each whole day), so the sum
// over any run of days is two lookups instead of a walk over every day. A lead waiting for its first
// action since a capture two years ago asked countWorkingMinutes to walk 700 days; an import diagnosing
// 100,000 such leads spent most of its JavaScript there.

/** Never cover more days than this (about 110 years): a range beyond it is summed by the caller's walk. */
const MAX_COVERED_DAYS = 40_000;
/** Each extension covers a year more than asked, so a run of leads extends the table a few times only. */
const MARGIN_DAYS = 366;

export class DaySums {
  /** sums[i] is the total of the days first .. first + i - 1. */
  private sums = new Float64Array(1);
  private first = 0;

  constructor(private readonly valueOf: (dayNumber: number) => number) {}

  /** The total of days `from` .. `to` (inclusive day numbers), or null when the range is too long to cover. */
  sum(from: number, to: number): number | null {
    if (to < from) return 0;
    if (!this.cover(from, to)) return null;
    return this.sums[to + 1 - this.first]! - this.sums[from - this.first]!;
  }

  private cover(from: number, to: number): boolean {
    const covered = this.sums.length - 1;
    if (covered > 0 && from >= this.first && to < this.first + covered) return true;
    const first = covered > 0 ? Math.min(from, this.first) - MARGIN_DAYS : from - MARGIN_DAYS;
    const end = (covered > 0 ? Math.max(to + 1, this.first + covered) : to + 1) + MARGIN_DAYS;
    if (end - first > MAX_COVERED_DAYS) return false;
    const sums = new Float64Array(end - first + 1);
    for (let day = first; day < end; day++) sums[day - first + 1] = sums[day - first]! + this.valueOf(day);
    this.sums = sums;
    this.first = first;
    return true;
  }
}

/** One table per calendar (its zone, hours, weekdays and holidays), a bounded number of calendars. */
export class DaySumsByKey {
  private tables = new Map<string, DaySums>();

  constructor(private readonly limit: number) {}

  get(key: string, valueOf: (dayNumber: number) => number): DaySums {
    let table = this.tables.get(key);
    if (!table) {
      if (this.tables.size >= this.limit) this.tables.clear();
      table = new DaySums(valueOf);
      this.tables.set(key, table);
    }
    return table;
  }
}
