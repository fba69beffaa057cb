// `npm run db:seed`: loads the demo workspace into an empty database (use --reset to replace the
// workspace's data with a fresh demo). `npm run db:reset` is `db:seed --reset`.
import { runCli } from "../lib/cli.ts";
import { openDatabase } from "./database.ts";
import { loadAndDiagnoseDemo } from "./demo.ts";
import { migrate } from "./migrate.ts";

await runCli("db:seed", async () => {
  const reset = process.argv.includes("--reset");
  const database = await openDatabase();
  console.error(`Using ${database.target}`);
  try {
    await migrate(database.url);
    const result = await loadAndDiagnoseDemo(database.url, { force: reset });
    console.log(
      result.seeded
        ? `Loaded the demo workspace: ${result.leads} leads, ${result.events} events, diagnosed (${result.seconds.toFixed(1)} s).`
        : "The workspace already has data: nothing loaded. Run npm run db:reset to replace it with the demo.",
    );
  } finally {
    await database.stop();
  }
});
