import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { csvCell, csvLine, neutralizeFormula } from "@/lib/import/csv-export";

describe("formula neutralisation", () => {
  it.each([
    ['=HYPERLINK("http://evil.example","click")', '\'=HYPERLINK("http://evil.example","click")'],
    ["+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1:A9)", "'@SUM(A1:A9)"],
    ["\t=1+1", "'\t=1+1"],
    ["\r=1+1", "'\r=1+1"],
  ])("neutralises %j", (value, expected) => {
    expect(neutralizeFormula(value)).toBe(expected);
  });

  it("leaves text and plain numbers alone", () => {
    expect(neutralizeFormula("Ada Lovelace")).toBe("Ada Lovelace");
    expect(neutralizeFormula("a=b")).toBe("a=b");
    expect(neutralizeFormula("-12.5")).toBe("-12.5");
    expect(neutralizeFormula("+49")).toBe("+49");
  });

  it("quotes cells so a spreadsheet reads back exactly the neutralised text", () => {
    const line = csvLine([2, "Email", '=cmd|"/C calc"!A1, next', "Line one\nline two", null]);
    expect(Papa.parse<string[]>(line.trim()).data[0]).toEqual(["2", "Email", '\'=cmd|"/C calc"!A1, next', "Line one\nline two", ""]);
    expect(csvCell("-None- of, these")).toBe('"\'-None- of, these"');
  });
});
