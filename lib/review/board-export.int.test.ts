import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { exportBoardCsv } from "@/lib/review/board-export";
import { findReviewBoard } from "@/lib/review/queries";

// The board's CSV holds exactly the board's leads (all pages), in the board's order, formula-safe.

beforeAll(async () => {
  const base = Date.parse("2026-10-05T09:00:00Z");
  await db.lead.createMany({
    data: Array.from({ length: 60 }, (_, index) => ({
      sourceSystem: "board-export",
      externalId: `be-${index}`,
      name: index === 0 ? "@SUM(A1:A9)" : `Board Lead ${index}`,
      capturedAt: new Date(base + index * 3_600_000),
      flagged: index % 4 !== 3,
      severity: (index * 7) % 60,
      failurePoints: ["slow_timing"],
    })),
  });
});

describe("exporting the review board", () => {
  it("holds every lead of the board's filter, in the board's order, with formula cells neutralised", async () => {
    const params = { period: "all", sort: "severity.desc" };
    const ids: number[] = [];
    for (let page = 1; page <= 3; page++)
      ids.push(...(await findReviewBoard({ ...params, page: String(page), size: "25" })).rows.map((row) => row.id));
    expect(ids).toHaveLength(45);
    const { csv, rows } = await exportBoardCsv(params);
    const records = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true }).data;
    expect(rows).toBe(45);
    expect(records.map((record) => Number(record["Lead id"]))).toEqual(ids);
    expect(records.map((record) => record.Name)).toContain("'@SUM(A1:A9)");
    expect(new Set(records.map((record) => record.Review))).toEqual(new Set(["To review"]));
  });
});
