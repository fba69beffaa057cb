// `npm run db:backup [-- FILE]`       dumps DATABASE_URL (or the embedded database) to FILE
//                                      (default .data/backups/baton-<time>.dump)
// `npm run db:restore -- FILE [--force]` restores a dump; refuses a non-empty database without --force
import { mkdir } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { CliError, runCli } from "../lib/cli.ts";
import { backupDatabase, restoreDatabase } from "./backup.ts";
import { openDatabase } from "./database.ts";

const [command, ...args] = process.argv.slice(2);
await runCli(`db:${command ?? "backup"}`, async () => {
  const positional = args.filter((arg) => !arg.startsWith("--"));
  const database = await openDatabase();
  try {
    if (command === "backup") {
      const file = positional[0] ?? path.join(".data", "backups", `baton-${new Date().toISOString().replaceAll(/[:.]/g, "-")}.dump`);
      await mkdir(path.dirname(file), { recursive: true });
      await backupDatabase(database.url, file);
      console.log(`Backed up to ${file}`);
    } else if (command === "restore") {
      const file = positional[0];
      if (!file) throw new CliError("name the dump to restore: npm run db:restore -- FILE [--force]");
      if (!existsSync(file)) throw new CliError(`no such file: ${file}`);
      await restoreDatabase(database.url, file, { force: args.includes("--force") });
      console.log(`Restored ${file}`);
    } else {
      throw new CliError("usage: backup-cli.ts backup [FILE] | restore FILE [--force]");
    }
  } finally {
    await database.stop();
  }
});
