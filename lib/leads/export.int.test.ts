import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { parseLeadListQuery } from "@/lib/lead-set/query";
import { exportLeadsCsv } from "@/lib/leads/export";
import { parseLeadExportQuery } from "@/lib/leads/export-query";
import { findLeads } from "@/lib/leads/list-queries";

// A list's CSV holds exactly the list's leads (every page of them, not only the one on screen), in the
// list's order, and no cell a spreadsheet would run as a formula.

const HOSTILE_NAMES = ['=HYPERLINK("http://evil.example","x")', "+31 20 555", "-2+3", "@SUM(A1)", "\tTabbed", "\rReturn"];

beforeAll(async () => {
  const base = Date.parse("2026-11-02T09:00:00Z");
  const leads = Array.from({ length: 130 }, (_, index) => ({
    sourceSystem: "export-test",
    externalId: `exp-${index}`,
    name: index < HOSTILE_NAMES.length ? HOSTILE_NAMES[index]! : `Lead ${String(index).padStart(3, "0")}`,
    company: index % 7 === 0 ? 'Comma, Quote "and" Co' : "Plain Co",
    originalSource: index % 2 === 0 ? "webinar" : "paid_search",
    capturedAt: new Date(base + index * 3_600_000),
    flagged: index % 3 === 0,
    severity: index % 50,
  }));
  await db.lead.createMany({ data: leads });
});

function parse(csv: string): Record<string, string>[] {
  expect(csv.startsWith("\uFEFF")).toBe(true);
  const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

async function allPages(params: Record<string, string>) {
  const ids: number[] = [];
  for (let page = 1; ; page++) {
    const { rows, total } = await findLeads(parseLeadListQuery({ ...params, page: String(page), size: "25" }));
    ids.push(...rows.map((row) => row.id));
    if (ids.length >= total || rows.length === 0) return { ids, total };
  }
}

describe("exporting a lead list", () => {
  it("holds exactly the filtered list's leads, every page of them, in the list's order", async () => {
    const filter = { source: "webinar", sort: "name.asc" };
    const { ids, total } = await allPages(filter);
    expect(total).toBe(65);
    const { csv, rows } = await exportLeadsCsv(parseLeadListQuery(filter));
    const records = parse(csv);
    expect(rows).toBe(65);
    expect(records.map((record) => Number(record["Lead id"]))).toEqual(ids);
    expect(new Set(records.map((record) => record.Source))).toEqual(new Set(["Webinar"]));
  });

  it("exports the Flagged list as that page shows it: flagged leads only, most severe first", async () => {
    const { query } = parseLeadExportQuery(new URLSearchParams("list=flagged&source=paid_search"));
    const records = parse((await exportLeadsCsv(query)).csv);
    const expected = await db.lead.findMany({
      where: { flagged: true, originalSource: "paid_search", sourceSystem: "export-test" },
      orderBy: [{ severity: "desc" }, { id: "desc" }],
      select: { id: true },
    });
    expect(records.map((record) => Number(record["Lead id"]))).toEqual(expected.map((lead) => lead.id));
    expect(records.every((record) => record.Diagnosis === "Flagged")).toBe(true);
  });

  it("neutralises every cell that starts like a formula, and keeps commas and quotes inside their cell", async () => {
    const records = parse((await exportLeadsCsv(parseLeadListQuery({ sort: "capturedAt.asc" }))).csv);
    const names = records.slice(0, HOSTILE_NAMES.length).map((record) => record.Name);
    expect(names).toEqual(HOSTILE_NAMES.map((name) => `'${name}`));
    for (const record of records) for (const cell of Object.values(record)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(records[0]!.Company).toBe('Comma, Quote "and" Co');
  });
});
