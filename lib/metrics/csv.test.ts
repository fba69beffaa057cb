import { describe, expect, it } from "vitest";
import { neutraliseFormula, toCsv } from "@/lib/metrics/csv";

describe("CSV downloads", () => {
  it("neutralises cells a spreadsheet would run as a formula", () => {
    for (const text of ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"])
      expect(neutraliseFormula(text)).toBe(`'${text}`);
    for (const text of ["Paid search", "a=b", "", "100%"]) expect(neutraliseFormula(text)).toBe(text);
  });

  it("quotes separators and quotes, keeps numbers as numbers and leaves missing values empty", () => {
    const csv = toCsv({
      columns: [
        { key: "source", label: "Source", kind: "text" },
        { key: "count", label: "Leads", kind: "count" },
        { key: "share", label: "Share", kind: "share" },
      ],
      rows: [
        { source: { value: 'Webinar, "Q3"' }, count: { value: 12, href: "/leads" }, share: { value: 1 / 3 } },
        { source: { value: "=cmd|' /C calc'!A0" }, count: { value: -4 }, share: { value: null } },
      ],
    });
    expect(csv).toBe(`Source,Leads,Share\r\n"Webinar, ""Q3""",12,0.3333\r\n'=cmd|' /C calc'!A0,-4,\r\n`);
  });
});
