import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pool } from "@/lib/db";
import { GENERIC_REASON_FILLERS, scoreReasonQuality } from "@/lib/diagnosis/reason-quality";
import { reasonQualitySql } from "@/lib/metrics/reason-quality-sql";
import { runSql } from "@/lib/db/run";
import { sql } from "@/lib/db/sql";

// rejection_reason_quality is scored in SQL for the dashboard and in TypeScript for each lead's diagnosis.
// Both must give every (code, detail) the same score.

type Input = { code: string | null; detail: string | null };

async function scoreInSql(inputs: Input[], minimumLength: number): Promise<number[]> {
  const rows = await runSql<{ score: string }>(
    pool,
    sql`SELECT ${reasonQualitySql(sql`v.code`, sql`v.detail`, minimumLength)} AS score
        FROM unnest(${inputs.map((input) => input.code)}::text[], ${inputs.map((input) => input.detail)}::text[]) WITH ORDINALITY AS v(code, detail, n)
        ORDER BY v.n`,
  );
  return rows.map((row) => Number(row.score));
}

const scoreInTs = (inputs: Input[], minimumLength: number) =>
  inputs.map((input) => scoreReasonQuality(input.code, input.detail, { minimumSpecificDetailLength: minimumLength }));

describe("rejection reason quality in SQL", () => {
  it("scores hand-picked reasons as DOMAIN.md defines (0 none, 0.5 code or text alone, 1 code plus specific detail)", async () => {
    const cases: [Input, number][] = [
      [{ code: null, detail: null }, 0],
      [{ code: "  ", detail: " - " }, 0],
      [{ code: "not_icp", detail: null }, 0.5],
      [{ code: "not_icp", detail: "Not interested." }, 0.5],
      [{ code: "not_icp", detail: "  N/A  " }, 0.5],
      [{ code: "not_icp", detail: "12 employees" }, 1], // exactly 12 characters
      [{ code: "not_icp", detail: "11 employee" }, 0.5], // 11
      [{ code: "not_icp", detail: "  12 employees\u00a0" }, 1], // trimmed as JavaScript trims
      [{ code: null, detail: "Company has 12 employees, below our ICP" }, 0.5],
      [{ code: "other", detail: "tbd" }, 0.5], // text alone: "other" explains nothing
      [{ code: "OTHER", detail: null }, 0],
      [{ code: "other", detail: "Reseller asking for a partner discount" }, 1],
      [{ code: "competitor", detail: "😀😀😀😀😀😀" }, 0.5], // no letter or digit
      [{ code: "competitor", detail: "Uses Acme 😀😀" }, 1], // 10 chars + 2 astral = 14 UTF-16 units
    ];
    const inputs = cases.map(([input]) => input);
    expect(await scoreInSql(inputs, 12)).toEqual(cases.map(([, score]) => score));
    expect(scoreInTs(inputs, 12)).toEqual(cases.map(([, score]) => score));
  });

  it("agrees with the TypeScript scoring for any code and detail", async () => {
    const pieces = [
      ...GENERIC_REASON_FILLERS,
      ...GENERIC_REASON_FILLERS.map((filler) => filler.toUpperCase()),
      "a",
      "Z",
      "7",
      " ",
      "  ",
      "\t",
      "\n",
      "\u00a0",
      "\u2003",
      "\u3000",
      "\ufeff",
      ".",
      "!",
      "?",
      ",",
      ";",
      ":",
      "-",
      "/",
      "é",
      "ß",
      "漢",
      "😀",
      "budget",
      "no budget this year",
      "employees",
      "Acme Corp",
      "other",
    ];
    const text = fc.option(
      fc.array(fc.constantFrom(...pieces), { maxLength: 6 }).map((parts) => parts.join("")),
      { nil: null },
    );
    const code = fc.option(fc.constantFrom("", " ", "not_icp", "other", " Other ", "OTHER", "competitor", "\u00a0not_icp"), { nil: null });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ code, detail: text }), { minLength: 1, maxLength: 60 }),
        fc.constantFrom(0, 3, 12, 20),
        async (inputs, minimumLength) => {
          expect(await scoreInSql(inputs, minimumLength)).toEqual(scoreInTs(inputs, minimumLength));
        },
      ),
      { numRuns: 60 },
    );
  });
});
