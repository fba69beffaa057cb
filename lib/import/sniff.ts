import Papa from "papaparse";

// What a CSV file looks like, read from its first few kilobytes: the delimiter, the line break, the
// header row and some rows to preview. The user confirms (or changes) it on the mapping step.

export const DELIMITERS = [",", ";", "\t", "|"] as const;
export type Delimiter = (typeof DELIMITERS)[number];
export const DELIMITER_LABELS: Record<Delimiter, string> = { ",": "Comma", ";": "Semicolon", "\t": "Tab", "|": "Pipe" };

export const NEWLINES = ["\r\n", "\n", "\r"] as const;
export type Newline = (typeof NEWLINES)[number];

export interface CsvShape {
  delimiter: Delimiter;
  newline: Newline;
  /** 1 when the file starts with Excel's "sep=;" line, which is skipped. */
  headerRow: number;
  headers: string[];
  /** The first data rows, as parsed (uncleaned). */
  sampleRows: string[][];
}

export const SAMPLE_ROWS = 20;

/** Counts line breaks outside quotes in the sample to find the file's line ending. */
function detectNewline(text: string): Newline {
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  let quoted = false;
  for (let index = 0; index < text.length && index < 200_000; index++) {
    const char = text[index];
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === "\r") {
      if (text[index + 1] === "\n") {
        crlf++;
        index++;
      } else cr++;
    } else if (!quoted && char === "\n") lf++;
  }
  if (crlf >= lf && crlf >= cr && crlf > 0) return "\r\n";
  if (cr > lf) return "\r";
  return "\n";
}

/** Makes headers unique and non-empty: "Email", "Email (2)", "Column 7". */
export function uniqueHeaders(raw: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return raw.map((header, index) => {
    const base =
      header
        .replace(/[\u200B-\u200D\uFEFF]/g, "")
        .replace(/\s+/g, " ")
        .trim() || `Column ${index + 1}`;
    const count = (seen.get(base.toLowerCase()) ?? 0) + 1;
    seen.set(base.toLowerCase(), count);
    return count === 1 ? base : `${base} (${count})`;
  });
}

function chooseDelimiter(text: string, newline: Newline): Delimiter {
  // Papa's guess prefers the delimiter that gives the most consistent field count over the first rows.
  const guessed = Papa.parse<string[]>(text, { preview: 10, newline, delimitersToGuess: [...DELIMITERS] }).meta.delimiter;
  return (DELIMITERS as readonly string[]).includes(guessed) ? (guessed as Delimiter) : ",";
}

/** Reads the shape of a CSV from its decoded beginning (a cut-off last line is ignored). */
export function sniffCsv(sample: string, overrides: { delimiter?: Delimiter } = {}): CsvShape {
  const text = sample.replace(/^\uFEFF/, "");
  const newline = detectNewline(text);
  const sepLine = /^sep=(.)\r?\n/i.exec(text);
  const excelDelimiter = sepLine && (DELIMITERS as readonly string[]).includes(sepLine[1]!) ? (sepLine[1] as Delimiter) : undefined;
  const body = sepLine ? text.slice(sepLine[0].length) : text;
  const delimiter = overrides.delimiter ?? excelDelimiter ?? chooseDelimiter(body, newline);
  const parsed = Papa.parse<string[]>(body, { delimiter, newline, preview: SAMPLE_ROWS + 2, skipEmptyLines: "greedy" });
  const rows = parsed.data;
  // The sample may end in the middle of a row: drop the last row when the text was cut short.
  const complete = rows.length > SAMPLE_ROWS + 1 ? rows.slice(0, SAMPLE_ROWS + 1) : rows;
  const [header = [], ...data] = complete;
  return { delimiter, newline, headerRow: sepLine ? 1 : 0, headers: uniqueHeaders(header), sampleRows: data.slice(0, SAMPLE_ROWS) };
}
