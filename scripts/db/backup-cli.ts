// `npm run db:backup [-- FILE]`       dumps DATABASE_URL (or the embedded database) to FILE
//                                      (default .data/backups/baton-<time>.dump)
// `npm run db:restore -- FILE [--force]` restores a dump; refuses a non-empty database without --force
import { mkdir } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline/promises";
import { CliError, runCli } from "../lib/cli.ts";
import { backupDatabase, restoreDatabase } from "./backup.ts";
import { openDatabase } from "./database.ts";

const [command, ...args] = process.argv.slice(2);

/** At a terminal, the person types the database's name to replace it; a script must pass --force. */
async function askToReplace(target: string, name: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await prompt.question(`The ${target} is not empty. Type its name (${name}) to replace its contents: `);
    return answer.trim() === name;
  } finally {
    prompt.close();
  }
}
await runCli(`db:${command ?? "backup"}`, async () => {
  const positional = args.filter((arg) => !arg.startsWith("--"));
  const database = await openDatabase();
  console.error(`Using ${database.target}`);
  try {
    if (command === "backup") {
      const file = positional[0] ?? path.join(".data", "backups", `baton-${new Date().toISOString().replaceAll(/[:.]/g, "-")}.dump`);
      await mkdir(path.dirname(file), { recursive: true });
      await backupDatabase(database.url, file);
      console.log(`Backed up the ${database.target} to ${file}`);
    } else if (command === "restore") {
      const file = positional[0];
      if (!file) throw new CliError("name the dump to restore: npm run db:restore -- FILE [--force]");
      if (!existsSync(file)) throw new CliError(`no such file: ${file}`);
      await restoreDatabase(database.url, file, { force: args.includes("--force"), target: database.target, confirm: askToReplace });
      console.log(`Restored ${file} into ${database.target}`);
    } else {
      throw new CliError("usage: backup-cli.ts backup [FILE] | restore FILE [--force]");
    }
  } finally {
    await database.stop();
  }
});
