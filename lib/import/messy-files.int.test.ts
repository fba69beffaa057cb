import iconv from "iconv-lite";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { readSettings } from "@/lib/import/job-state";
import { issuesOf, runCheck, runImport, seedImportWorkspace, uploadAndAnalyse, type ImportWorkspace } from "@/lib/import/testing";

// Real files are messy. Each case is a small file written the way a CRM or a spreadsheet writes it;
// the importer must read it without anyone editing the file first.

let workspace: ImportWorkspace;
let fileNumber = 0;

beforeAll(async () => {
  workspace = await seedImportWorkspace();
});

function csv(rows: string[][], options: { delimiter?: string; newline?: string } = {}): string {
  const delimiter = options.delimiter ?? ",";
  const quote = (cell: string) => (/["\r\n]/.test(cell) || cell.includes(delimiter) ? `"${cell.replace(/"/g, '""')}"` : cell);
  return rows.map((row) => row.map(quote).join(delimiter)).join(options.newline ?? "\n") + (options.newline ?? "\n");
}

const HEADER = ["Lead ID", "Name", "Email", "Company", "Created", "Source", "Status", "Message"];

/** Imports the text as a leads file under a source system of its own; returns the job, its leads and settings. */
async function importText(text: string, encode: (text: string) => Buffer = (value) => Buffer.from(value, "utf8")) {
  const bytes = encode(text);
  const jobId = await uploadAndAnalyse(workspace.revopsId, [{ kind: "leads", name: "export.csv", bytes }]);
  const source = `messy-${++fileNumber}`;
  await db.importJob.update({ where: { id: jobId }, data: { sourceSystem: source } });
  const checked = await runCheck(workspace.revopsId, jobId);
  expect(checked.status, checked.error ?? "").toBe("validated");
  const job = await runImport(workspace.revopsId, jobId);
  expect(job.status, job.error ?? "").toBe("succeeded");
  const leads = await db.lead.findMany({
    where: { sourceSystem: source },
    orderBy: { externalId: "asc" },
    select: {
      externalId: true,
      name: true,
      email: true,
      company: true,
      capturedAt: true,
      acceptanceStatus: true,
      buyerMessage: true,
      diagnosedAt: true,
    },
  });
  return { job, leads, settings: readSettings(job.settings) };
}

const ROWS = [
  ["m-1", "José Müller", "jose@cafe.example", "Café Crème", "2025-03-14 09:05", "Website", "Contacted", "Hi, we need a demo"],
  ["m-2", "Zoë Ångström", "zoe@north.example", "North, Inc", "2025-03-15 10:30", "Webinar", "New", ""],
];

describe("delimiters", () => {
  it.each([
    [",", "comma"],
    [";", "semicolon"],
    ["\t", "tab"],
  ])("reads a %s-separated file (%s)", async (delimiter) => {
    const { leads, settings } = await importText(csv([HEADER, ...ROWS], { delimiter }));
    expect(settings.files.leads?.delimiter).toBe(delimiter);
    expect(leads.map((lead) => [lead.externalId, lead.name, lead.company])).toEqual([
      ["m-1", "José Müller", "Café Crème"],
      ["m-2", "Zoë Ångström", "North, Inc"],
    ]);
  });
});

describe("encodings and line endings", () => {
  it("reads UTF-8 with a byte-order mark without corrupting the first header", async () => {
    const { leads, settings, job } = await importText(`\uFEFF${csv([HEADER, ...ROWS])}`, (text) => Buffer.from(text, "utf8"));
    expect(settings.files.leads).toMatchObject({ encoding: "utf-8", bom: true, headers: HEADER });
    expect(leads.map((lead) => lead.externalId)).toEqual(["m-1", "m-2"]);
    expect(job.rowsFailed).toBe(0);
  });

  it("reads UTF-8 without a byte-order mark", async () => {
    const { leads, settings } = await importText(csv([HEADER, ...ROWS]));
    expect(settings.files.leads).toMatchObject({ encoding: "utf-8", bom: false });
    expect(leads[1]?.name).toBe("Zoë Ångström");
  });

  it("reads Windows-1252 (Excel on Windows), accents and € intact", async () => {
    const rows = [
      HEADER,
      ["w-1", "François Müller", "francois@euro.example", "Café € GmbH", "2025-03-14 09:05", "Website", "New", "Grüße – “Angebot”"],
    ];
    const { leads, settings } = await importText(csv(rows, { delimiter: ";", newline: "\r\n" }), (text) =>
      iconv.encode(text, "windows-1252"),
    );
    expect(settings.files.leads).toMatchObject({ encoding: "windows-1252", delimiter: ";", newline: "\r\n" });
    expect(leads[0]).toMatchObject({ name: "François Müller", company: "Café € GmbH", buyerMessage: "Grüße – “Angebot”" });
  });

  it("reads CRLF files and keeps quoted line breaks and commas inside a cell", async () => {
    const header = ["Lead ID", "Name", "Email", "Created", "Message"];
    const rows = [
      header,
      ["q-1", "Quote Person", "quote@lines.example", "2025-03-14 09:05", 'First line, with a comma\r\nSecond line "quoted"'],
      ["q-2", "Next Row", "next@lines.example", "2025-03-14 10:00", "plain"],
    ];
    const { leads, settings, job } = await importText(csv(rows, { newline: "\r\n" }));
    expect(settings.files.leads?.newline).toBe("\r\n");
    expect(job.rowsCreated).toBe(2);
    expect(leads.map((lead) => lead.externalId)).toEqual(["q-1", "q-2"]);
  });
});

describe("date formats", () => {
  it.each([
    ["ISO", "2025-03-14T09:05:00Z", "2025-03-14T09:05:00.000Z"],
    ["MM/DD/YYYY h:mm AM", "3/14/2025 9:05 AM", "2025-03-14T09:05:00.000Z"],
    ["DD.MM.YYYY", "14.03.2025", "2025-03-14T00:00:00.000Z"],
    ["YYYY.MM.DD HH:MM", "2025.03.14 09:05", "2025-03-14T09:05:00.000Z"],
    ["Zoho's 15 Apr, 2021 00:03:00", "15 Apr, 2021 00:03:00", "2021-04-15T00:03:00.000Z"],
    ["Excel serial", "45730.378472222", "2025-03-14T09:05:00.000Z"],
  ])("reads %s", async (_label, value, expected) => {
    const rows = [
      ["Lead ID", "Name", "Created"],
      ["d-1", "Date Person", value],
      ["d-2", "Other Person", value],
    ];
    const { leads } = await importText(csv(rows));
    expect(leads.map((lead) => lead.capturedAt.toISOString())).toEqual([expected, expected]);
  });

  it("reads day-first slash dates when a day is above 12, and reports unreadable dates per row", async () => {
    const rows = [
      ["Lead ID", "Name", "Created"],
      ["e-1", "First", "14/03/2025 09:05"],
      ["e-2", "Second", "02/03/2025 10:00"],
      ["e-3", "Third", "next tuesday"],
    ];
    const { leads, job } = await importText(csv(rows));
    expect(leads.map((lead) => lead.capturedAt.toISOString())).toEqual(["2025-03-14T09:05:00.000Z", "2025-03-02T10:00:00.000Z"]);
    expect(job.rowsFailed).toBe(1);
    expect(await issuesOf(job.id)).toContainEqual(
      expect.objectContaining({ row: 4, column: "Created", value: "next tuesday", severity: "error" }),
    );
  });
});

describe("inconsistent values and duplicates", () => {
  it("treats differently cased and spaced values as one value", async () => {
    const rows = [
      ["Lead ID", "Name", "Created", "Status"],
      ["c-1", "A", "2025-03-14", "Contacted"],
      ["c-2", "B", "2025-03-14", "  contacted "],
      ["c-3", "C", "2025-03-14", "CONTACTED"],
      ["c-4", "D", "2025-03-14", "-"],
    ];
    const { leads, settings } = await importText(csv(rows));
    expect(settings.files.leads?.distinctValues.Status).toEqual([{ value: "Contacted", count: 3 }]);
    expect(leads.map((lead) => lead.acceptanceStatus)).toEqual(["accepted", "accepted", "accepted", "pending"]);
  });

  it("imports the last row of a repeated id and reports the earlier rows", async () => {
    const row = ["r-1", "Repeat Person", "repeat@dup.example", "Dup Co", "2025-03-14 09:05", "Website", "New", ""];
    const changed = ["r-1", "Repeat Person", "other@dup.example", "Dup Co", "2025-03-14 09:05", "Website", "New", ""];
    const { leads, job } = await importText(
      csv([HEADER, row, ["r-2", "Second", "second@dup.example", "Dup Co", "2025-03-14 09:05", "Website", "New", ""], row, changed]),
    );
    expect(leads.map((lead) => [lead.externalId, lead.email])).toEqual([
      ["r-1", "other@dup.example"],
      ["r-2", "second@dup.example"],
    ]);
    expect(job).toMatchObject({ rowsCreated: 2, rowsSkipped: 2, rowsFailed: 0 });
    const issues = await issuesOf(job.id);
    const superseded = "Superseded by row 5, which has the same external id (the last row of an id is imported).";
    expect(issues).toContainEqual(expect.objectContaining({ row: 2, message: superseded, severity: "warning" }));
    expect(issues).toContainEqual(expect.objectContaining({ row: 4, message: superseded, severity: "warning" }));
  });
});
