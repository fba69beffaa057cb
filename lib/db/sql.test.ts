import { describe, expect, it } from "vitest";
import { and, identifier, join, sql, toQuery } from "@/lib/db/sql";

describe("the SQL builder", () => {
  it("turns every value into a numbered parameter, in order", () => {
    const query = toQuery(sql`SELECT * FROM leads WHERE a = ${1} AND b = ${"x'; DROP TABLE leads; --"}`);
    expect(query.text).toBe("SELECT * FROM leads WHERE a = $1 AND b = $2");
    expect(query.values).toEqual([1, "x'; DROP TABLE leads; --"]);
  });

  it("splices nested fragments and renumbers their parameters", () => {
    const inner = sql`c IN (${"p"}, ${"q"})`;
    const query = toQuery(sql`SELECT ${0} WHERE ${inner} AND d = ${9}`);
    expect(query.text).toBe("SELECT $1 WHERE c IN ($2, $3) AND d = $4");
    expect(query.values).toEqual([0, "p", "q", 9]);
  });

  it("joins fragments with a constant separator and ANDs conditions", () => {
    expect(toQuery(join([sql`a = ${1}`, sql`b`, sql`c = ${3}`], ", "))).toEqual({ text: "a = $1, b, c = $2", values: [1, 3] });
    expect(toQuery(and([sql`a = ${1}`, sql`b = ${2}`]))).toEqual({ text: "(a = $1) AND (b = $2)", values: [1, 2] });
    expect(toQuery(and([])).text).toBe("TRUE");
  });

  it("accepts only plain identifiers as aliases", () => {
    expect(toQuery(sql`SELECT 1 AS ${identifier("fp_slow_timing")}`).text).toBe('SELECT 1 AS "fp_slow_timing"');
    expect(() => identifier('x"; DROP TABLE leads; --')).toThrow();
  });
});
