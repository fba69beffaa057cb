// What fails `npm run security:scan`: the rules applied to sqlmap's console output and wapiti's JSON report
// (line formats as sqlmap 1.7.2 and wapiti 3.0.4 print them).
import { describe, expect, it } from "vitest";
import { judgeSqlmap, judgeWapiti } from "./reports.ts";

const target = { name: "list-q", label: "GET /leads ?q=" };
const finished = { code: 0, timedOut: false, seconds: 6 };

describe("sqlmap verdicts", () => {
  it("clean only when sqlmap says all tested parameters do not appear injectable; non-2xx answers are counted", () => {
    const log = [
      "[05:34:02] [WARNING] GET parameter 'q' does not seem to be injectable",
      "[05:34:02] [ERROR] all tested parameters do not appear to be injectable. Try to increase values for '--level'/'--risk' options",
      "[05:34:02] [WARNING] HTTP error codes detected during run:",
      "422 (Unprocessable Entity) - 17 times, 409 (Conflict) - 3 times",
    ].join("\n");
    expect(judgeSqlmap(target, log, finished)).toMatchObject({ verdict: "not injectable", statusCounts: { "422": 17, "409": 3 } });
  });

  it("an identified injection point fails, naming the parameter", () => {
    const log = [
      "sqlmap identified the following injection point(s) with a total of 52 HTTP(s) requests:",
      "---",
      "Parameter: q (GET)",
      "    Type: time-based blind",
    ].join("\n");
    expect(judgeSqlmap(target, log, finished)).toMatchObject({ verdict: "INJECTABLE", note: "q (GET)" });
  });

  it("a run cut at its budget or ended without a verdict is not reported as clean", () => {
    const partial = "[05:34:01] [INFO] testing 'PostgreSQL > 8.1 AND time-based blind'";
    expect(judgeSqlmap(target, partial, { code: null, timedOut: true, seconds: 120 }).verdict).toBe("time budget");
    const refused = "[05:34:01] [CRITICAL] not authorized, try to provide right HTTP authentication type and valid credentials (401)";
    expect(judgeSqlmap(target, refused, { code: 1, timedOut: false, seconds: 2 })).toMatchObject({
      verdict: "ERROR",
      note: expect.stringContaining("401"),
    });
  });

  it("429s mean the rate limit was not raised for the scan", () => {
    const log =
      "[ERROR] all tested parameters do not appear to be injectable.\n[WARNING] HTTP error codes detected during run:\n429 (Too Many Requests) - 250 times";
    expect(judgeSqlmap(target, log, finished).note).toMatch(/429: the rate limit was not raised/);
  });
});

describe("wapiti verdicts", () => {
  const entry = (level: number, path = "/leads", parameter = "q") => ({ method: "GET", path, info: "", level, parameter });
  const log = "[*] Wapiti found 72 URLs and forms during the scan\nMax attack time was reached for module blindsql, stopping.";

  it("low-level header and cookie advice is reported without failing", () => {
    const result = judgeWapiti(
      { vulnerabilities: { "HTTP Secure Headers": [entry(1, "/", "")], "Secure Flag cookie": [entry(1, "/", "")] }, anomalies: {} },
      log,
      finished,
    );
    expect(result).toMatchObject({ ran: true, crawled: 72, cutShort: ["blindsql"], vulnerabilities: 2, failing: [] });
  });

  it("any injection fails whatever its level, and so does a 500 (high-level anomaly)", () => {
    const result = judgeWapiti(
      { vulnerabilities: { "Cross Site Scripting": [entry(2)], "SQL Injection": [] }, anomalies: { "Internal Server Error": [entry(3)] } },
      log,
      finished,
    );
    expect(result.failing.map((finding) => finding.category)).toEqual(["Cross Site Scripting", "Internal Server Error"]);
  });

  it("no report means the scan did not run", () => {
    expect(judgeWapiti(null, "re.error: global flags not at the start", { code: 1, timedOut: false, seconds: 3 })).toMatchObject({
      ran: false,
      error: expect.stringContaining("global flags"),
    });
  });
});
