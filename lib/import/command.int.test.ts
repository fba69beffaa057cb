import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { runImportCommand } from "@/lib/import/command";
import { FIXTURES, seedImportWorkspace } from "@/lib/import/testing";

// The command-line import a weekly cron runs: same steps and accounting as the page, exit 1 on refused rows.

const leads = path.join(FIXTURES, "zoho-export-leads.csv");
const calls = path.join(FIXTURES, "zoho-export-calls.csv");

beforeAll(async () => {
  await seedImportWorkspace();
});

async function command(files: string[], options: { dryRun?: boolean; preset?: string; sourceSystem?: string; timeZone?: string } = {}) {
  const lines: string[] = [];
  const code = await runImportCommand({
    files,
    dryRun: options.dryRun ?? false,
    preset: options.preset,
    sourceSystem: options.sourceSystem,
    timeZone: options.timeZone,
    print: (line) => lines.push(line),
  });
  return { code, output: lines.join("\n") };
}

describe("npm run baton -- import", () => {
  it("a dry run prints what the import will do and writes nothing; the import then does exactly that", async () => {
    const dry = await command([leads, calls], { dryRun: true, sourceSystem: "zoho-cli" });
    expect(dry.output).toContain("dry run, nothing written");
    expect(dry.output).toMatch(/Leads: 40 rows read = 40 leads created \+ 0 updated \+ 0 unchanged \+ 0 superseded \+ 0 refused/);
    expect(await db.lead.count({ where: { sourceSystem: "zoho-cli" } })).toBe(0);

    const run = await command([leads, calls], { sourceSystem: "zoho-cli" });
    expect(run.code).toBe(0);
    expect(run.output).toMatch(/Leads: 40 rows read = 40 leads created/);
    expect(run.output).toMatch(/Calls: 25 rows read = 25 activities created/);
    expect(run.output).toContain("Status: succeeded");
    expect(await db.lead.count({ where: { sourceSystem: "zoho-cli" } })).toBe(40);
  });

  it("next week's run of the same files creates nothing", async () => {
    const again = await command([leads, calls], { sourceSystem: "zoho-cli" });
    expect(again.code).toBe(0);
    expect(again.output).toMatch(/Leads: 40 rows read = 0 leads created \+ 0 updated \+ 40 unchanged/);
  });

  it("exits 1 and lists the refused rows, keeping the good ones", async () => {
    const bad = path.join((await import("node:os")).tmpdir(), `baton-import-bad-${process.pid}.csv`);
    const { writeFile, rm } = await import("node:fs/promises");
    await writeFile(
      bad,
      "Record ID,First Name,Last Name,Email,Create Date\ncli-1,Ada,L,ada@cli.example,2025-03-01\ncli-2,Bo,M,bo@cli.example,2024-02-30\n",
    );
    try {
      const result = await command([bad], { preset: "generic", sourceSystem: "cli-bad" });
      expect(result.code).toBe(1);
      expect(result.output).toMatch(/Leads: 2 rows read = 1 lead created \+ 0 updated \+ 0 unchanged \+ 0 superseded \+ 1 refused/);
      expect(result.output).toContain('row 3, Create Date "2024-02-30": 2024-02-30 is not a real date');
      expect(await db.lead.count({ where: { sourceSystem: "cli-bad" } })).toBe(1);
    } finally {
      await rm(bad, { force: true });
    }
  });

  it("refuses an unreadable file with its message and leaves no import behind", async () => {
    const jobs = await db.importJob.count();
    await expect(command([path.join(FIXTURES, "no-such-file.csv")])).rejects.toThrow(/Cannot read/);
    expect(await db.importJob.count()).toBe(jobs);
  });
});
