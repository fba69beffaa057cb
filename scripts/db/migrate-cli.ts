// `npm run db:migrate`: applies pending migrations to DATABASE_URL or the embedded database.
import { runCli } from "../lib/cli.ts";
import { openDatabase } from "./database.ts";
import { migrate } from "./migrate.ts";

await runCli("db:migrate", async () => {
  const database = await openDatabase();
  console.error(`Using ${database.target}`);
  try {
    const result = await migrate(database.url);
    console.log(
      result.applied.length
        ? `Applied ${result.applied.length} migration(s): ${result.applied.join(", ")}`
        : `Database is up to date (${result.alreadyApplied} migration(s) applied).`,
    );
  } finally {
    await database.stop();
  }
});
