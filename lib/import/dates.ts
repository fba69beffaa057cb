// Dates as CRMs export them. A column's format is detected from its values (the user confirms it on the
// mapping step); dates without an offset are wall-clock times in the import's time zone.

export const DATE_FORMATS = ["iso", "mdy", "dmy", "dmy_dot", "ymd_dot", "text_month", "excel_serial"] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

export const DATE_FORMAT_LABELS: Record<DateFormat, string> = {
  iso: "ISO (2025-03-14 09:05)",
  mdy: "MM/DD/YYYY h:mm AM",
  dmy: "DD/MM/YYYY HH:MM",
  dmy_dot: "DD.MM.YYYY HH:MM",
  ymd_dot: "YYYY.MM.DD HH:MM",
  text_month: "15 Apr, 2021 00:03:00",
  excel_serial: "Excel serial number (45730.38)",
};

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** Minutes east of UTC when the value states it (ISO "Z" or "+02:00"). */
  offset: number | null;
}

const TIME = String.raw`(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,6}))?)?\s*([AaPp][Mm])?)?`;
const ISO = new RegExp(String.raw`^(\d{4})-(\d{2})-(\d{2})${TIME}\s*(Z|[+-]\d{2}:?\d{2})?$`);
const SLASH = new RegExp(String.raw`^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4}),?${TIME}$`);
const DOT_DMY = new RegExp(String.raw`^(\d{1,2})\.(\d{1,2})\.(\d{4}),?${TIME}$`);
const DOT_YMD = new RegExp(String.raw`^(\d{4})\.(\d{1,2})\.(\d{1,2})${TIME}$`);
const DAY_MONTH_NAME = new RegExp(String.raw`^(\d{1,2})[ -]([A-Za-z]{3,9})\.?,?[ -](\d{4}),?${TIME}$`);
const MONTH_NAME_DAY = new RegExp(String.raw`^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4}),?${TIME}$`);
const SERIAL = /^\d{4,5}(?:\.\d+)?$/;

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

function monthNumber(name: string): number {
  const index = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  return index === -1 ? 0 : index + 1;
}

/** Time groups (hour, minute, second, fraction, am/pm) starting at `from` in a match. */
function time(match: RegExpExecArray, from: number): Pick<Parts, "hour" | "minute" | "second" | "millisecond"> | null {
  let hour = Number(match[from] ?? 0);
  const minute = Number(match[from + 1] ?? 0);
  const second = Number(match[from + 2] ?? 0);
  const millisecond = match[from + 3] ? Math.round(Number(`0.${match[from + 3]}`) * 1000) : 0;
  const meridiem = match[from + 4]?.toLowerCase();
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem === "pm" ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return null;
  return { hour, minute, second, millisecond };
}

function parts(year: number, month: number, day: number, clock: ReturnType<typeof time>, offset: number | null = null): Parts | null {
  if (!clock) return null;
  const fullYear = year < 100 ? 2000 + year : year;
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(fullYear, month, 0)).getUTCDate()) return null;
  if (fullYear < 1900 || fullYear > 2200) return null;
  return { year: fullYear, month, day, ...clock, offset };
}

function parseOffset(value: string | undefined): number | null {
  if (!value) return null;
  if (value === "Z") return 0;
  const match = /^([+-])(\d{2}):?(\d{2})$/.exec(value);
  return match ? (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : null;
}

function readParts(value: string, format: DateFormat): Parts | null {
  let match: RegExpExecArray | null;
  switch (format) {
    case "iso":
      match = ISO.exec(value);
      return match ? parts(Number(match[1]), Number(match[2]), Number(match[3]), time(match, 4), parseOffset(match[9])) : null;
    case "mdy":
      match = SLASH.exec(value);
      return match ? parts(Number(match[3]), Number(match[1]), Number(match[2]), time(match, 4)) : null;
    case "dmy":
      match = SLASH.exec(value);
      return match ? parts(Number(match[3]), Number(match[2]), Number(match[1]), time(match, 4)) : null;
    case "dmy_dot":
      match = DOT_DMY.exec(value);
      return match ? parts(Number(match[3]), Number(match[2]), Number(match[1]), time(match, 4)) : null;
    case "ymd_dot":
      match = DOT_YMD.exec(value);
      return match ? parts(Number(match[1]), Number(match[2]), Number(match[3]), time(match, 4)) : null;
    case "text_month":
      match = DAY_MONTH_NAME.exec(value);
      if (match) return parts(Number(match[3]), monthNumber(match[2]!), Number(match[1]), time(match, 4));
      match = MONTH_NAME_DAY.exec(value);
      return match ? parts(Number(match[3]), monthNumber(match[1]!), Number(match[2]), time(match, 4)) : null;
    case "excel_serial":
      return SERIAL.test(value) ? serialParts(Number(value)) : null;
  }
}

/** Excel's 1900 date system: day 25569 is 1970-01-01 (Excel's phantom 29 Feb 1900 is before any CRM date). */
function serialParts(serial: number): Parts | null {
  if (serial < 20000 || serial > 80000) return null;
  const date = new Date(Math.round((serial - 25569) * 86_400_000));
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
    millisecond: 0,
    offset: null,
  };
}

// Time-zone offsets, cached per zone and quarter hour: an export's dates cluster, so a 100,000-row file
// needs a few hundred Intl look-ups instead of one per cell (which would dominate the import's time).
const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, number>();
const QUARTER_HOUR = 15 * 60_000;

function offsetAt(instant: number, timeZone: string): number {
  const bucket = Math.floor(instant / QUARTER_HOUR);
  const key = `${timeZone}|${bucket}`;
  const cached = offsets.get(key);
  if (cached !== undefined) return cached;
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  const at = bucket * QUARTER_HOUR;
  const part = Object.fromEntries(formatter.formatToParts(new Date(at)).map((entry) => [entry.type, Number(entry.value)]));
  const offset = Date.UTC(part.year!, part.month! - 1, part.day!, part.hour!, part.minute!, part.second!) - at;
  if (offsets.size > 50_000) offsets.clear();
  offsets.set(key, offset);
  return offset;
}

function toInstant(value: Parts, timeZone: string): Date {
  const wall = Date.UTC(value.year, value.month - 1, value.day, value.hour, value.minute, value.second, value.millisecond);
  if (value.offset !== null) return new Date(wall - value.offset * 60_000);
  if (timeZone === "UTC") return new Date(wall);
  // The offset at the wall time read as UTC is right except near a change; one correction settles it.
  const first = wall - offsetAt(wall, timeZone);
  const second = wall - offsetAt(first, timeZone);
  if (second + offsetAt(second, timeZone) === wall) return new Date(second);
  // A wall time inside a daylight-saving gap (clocks jumped over it, e.g. midnight on a day São Paulo moved
  // to 01:00): read it with the offset in force before the jump, which lands just after it, like the
  // clock on the wall; never on the previous day.
  return new Date(wall - offsetAt(wall - 2 * DAY_MS, timeZone));
}

const DAY_MS = 86_400_000;

/**
 * Why a value that has the shape of the column's format is still not a date (2024-02-30): the sentence
 * the import report shows instead of "not in the format". Null when the value does not have the shape.
 */
export function impossibleDate(raw: string, format: DateFormat): string | null {
  const value = raw.trim().replace(/\s+/g, " ");
  const ymd = (match: RegExpExecArray | null, y: number, m: number, d: number) =>
    match ? [Number(match[y]), Number(match[m]), Number(match[d])] : null;
  const found =
    format === "iso"
      ? ymd(ISO.exec(value), 1, 2, 3)
      : format === "mdy"
        ? ymd(SLASH.exec(value), 3, 1, 2)
        : format === "dmy"
          ? ymd(SLASH.exec(value), 3, 2, 1)
          : format === "dmy_dot"
            ? ymd(DOT_DMY.exec(value), 3, 2, 1)
            : format === "ymd_dot"
              ? ymd(DOT_YMD.exec(value), 1, 2, 3)
              : null;
  if (!found) return null;
  const [rawYear, month, day] = found as [number, number, number];
  const year = rawYear < 100 ? 2000 + rawYear : rawYear;
  if (month < 1 || month > 12) return `${value} has no month ${month}: it is not a real date.`;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > days) return `${value} is not a real date: ${MONTH_NAMES[month - 1]} ${year} has ${days} days.`;
  return null;
}

const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** Formats a value can be read in without guessing the order of day and month. */
const UNAMBIGUOUS: readonly DateFormat[] = ["iso", "text_month", "ymd_dot", "dmy_dot"];

/**
 * The instant a cell stands for, read in the column's format; a value in another unambiguous format
 * (an ISO date in a column of US dates) is still read. Null when it is not a date we can be sure of.
 */
export function parseDate(raw: string, format: DateFormat, timeZone: string): Date | null {
  const value = raw.trim().replace(/\s+/g, " ");
  if (!value) return null;
  for (const candidate of [format, ...UNAMBIGUOUS.filter((other) => other !== format)]) {
    const found = readParts(value, candidate);
    if (found) return toInstant(found, timeZone);
  }
  return null;
}

export interface DateDetection {
  format: DateFormat | null;
  /** Values read by the chosen format, out of the non-empty samples. */
  matched: number;
  samples: number;
  /** True for slash dates where no value shows whether the day or the month comes first. */
  ambiguous: boolean;
}

/** Picks the format that reads most of a column's sample values (day-first when a day exceeds 12). */
export function detectDateFormat(values: readonly string[]): DateDetection {
  const samples = values.map((value) => value.trim().replace(/\s+/g, " ")).filter(Boolean);
  if (samples.length === 0) return { format: null, matched: 0, samples: 0, ambiguous: false };
  let best: DateFormat | null = null;
  let bestCount = 0;
  for (const format of DATE_FORMATS) {
    const count = samples.filter((value) => readParts(value, format) !== null).length;
    if (count > bestCount) {
      best = format;
      bestCount = count;
    }
  }
  if (best === "mdy" || best === "dmy") {
    const slashParts = samples.map((value) => SLASH.exec(value)).filter((match): match is RegExpExecArray => match !== null);
    const dayFirst = slashParts.some((match) => Number(match[1]) > 12);
    const monthFirst = slashParts.some((match) => Number(match[2]) > 12);
    best = dayFirst && !monthFirst ? "dmy" : "mdy";
    bestCount = samples.filter((value) => readParts(value, best!) !== null).length;
    return { format: best, matched: bestCount, samples: samples.length, ambiguous: !dayFirst && !monthFirst };
  }
  return { format: best, matched: bestCount, samples: samples.length, ambiguous: false };
}
