import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeAll, detectEncoding } from "@/lib/import/decode";
import { sniffCsv, uniqueHeaders } from "@/lib/import/sniff";
import { cleanCell, valueKey } from "@/lib/import/values";

describe("sniffCsv", () => {
  it("detects comma, semicolon and tab delimiters", () => {
    expect(sniffCsv("a,b,c\n1,2,3\n4,5,6\n").delimiter).toBe(",");
    expect(sniffCsv("a;b;c\n1;2,5;3\n4;5;6\n").delimiter).toBe(";");
    expect(sniffCsv("a\tb\tc\n1\t2\t3\n").delimiter).toBe("\t");
  });

  it("detects CRLF and keeps quoted line breaks inside a cell", () => {
    const shape = sniffCsv('id,message\r\n1,"line one\r\nline two"\r\n2,plain\r\n');
    expect(shape.newline).toBe("\r\n");
    expect(shape.sampleRows).toEqual([
      ["1", "line one\r\nline two"],
      ["2", "plain"],
    ]);
  });

  it("skips Excel's sep= line and takes its delimiter", () => {
    const shape = sniffCsv("sep=;\nname;email\nAda;ada@example.com\n");
    expect(shape).toMatchObject({ delimiter: ";", headerRow: 1, headers: ["name", "email"] });
  });

  it("makes headers unique and non-empty", () => {
    expect(uniqueHeaders(["Email", " email ", "", "Name"])).toEqual(["Email", "email (2)", "Column 3", "Name"]);
  });
});

describe("detectEncoding", () => {
  it("recognises UTF-8 with and without BOM, and strips the BOM", () => {
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("name\nJosé\n", "utf8")]);
    expect(detectEncoding(withBom)).toEqual({ encoding: "utf-8", bom: true });
    expect(decodeAll(withBom, "utf-8")).toBe("name\nJosé\n");
    expect(detectEncoding(Buffer.from("name\nJosé\n", "utf8"))).toEqual({ encoding: "utf-8", bom: false });
  });

  it("falls back to Windows-1252 for single-byte exports", () => {
    const bytes = iconv.encode("name;city\nFrançois Müller;Köln – “Süd” €\n", "windows-1252");
    const detected = detectEncoding(bytes);
    expect(detected.encoding).toBe("windows-1252");
    expect(decodeAll(bytes, detected.encoding)).toContain("François Müller;Köln – “Süd” €");
  });

  it("does not mistake a UTF-8 character cut at the end of the sample for another encoding", () => {
    const bytes = Buffer.from("name\nJosé", "utf8");
    expect(detectEncoding(bytes.subarray(0, bytes.length - 1)).encoding).toBe("utf-8");
  });
});

describe("cell clean-up", () => {
  it("trims, collapses spaces and empties placeholders", () => {
    expect(cleanCell("  Pre   Qualified ")).toBe("Pre Qualified");
    expect(cleanCell("-None-")).toBe("");
    expect(cleanCell("Select")).toBe("");
    expect(cleanCell(" - ")).toBe("");
    expect(valueKey("  CONTACTED ")).toBe(valueKey("contacted"));
  });
});
