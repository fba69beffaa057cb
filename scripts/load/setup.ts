// The load run's preparations against the running server: the leads the users open, the ids the build
// gave the server actions the load calls, and a few warm-up reads.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import pg from "pg";
import { CliError } from "../lib/cli.ts";
import type { ActionIds, UserSession } from "./mix.ts";

export async function sampleLeadIds(url: string, count: number): Promise<number[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: number }>("SELECT id FROM leads ORDER BY hashint4(id + 13) LIMIT $1", [count]);
    return rows.map((row) => row.id);
  } finally {
    await client.end();
  }
}

/** The ids the build gave the server actions the load calls, from its server-reference manifest. */
export async function actionIds(distDir: string): Promise<ActionIds> {
  const path = `${distDir}/server/server-reference-manifest.json`;
  if (!existsSync(path)) throw new CliError(`${path} is missing: the build did not finish`);
  const manifest = JSON.parse(await readFile(path, "utf8")) as { node: Record<string, { filename?: string; exportedName?: string }> };
  const find = (filename: string, exportedName: string) => {
    const id = Object.entries(manifest.node).find(([, entry]) => entry.filename === filename && entry.exportedName === exportedName)?.[0];
    if (!id) throw new CliError(`the build has no server action ${exportedName} in ${filename}`);
    return id;
  };
  return {
    addNote: find("lib/review/actions.ts", "addNote"),
    accept: find("lib/decisions/actions.ts", "acceptLeadAction"),
    reject: find("lib/decisions/actions.ts", "rejectLeadAction"),
    requestInfo: find("lib/decisions/actions.ts", "requestLeadInfoAction"),
  };
}

/** A few reads first, so the run measures the server warm (compiled pages, filled caches), as users meet it. */
export async function warmUp(base: string, sessions: UserSession[]) {
  for (const session of sessions.slice(0, 5)) {
    for (let i = 0; i < 6; i++) {
      const request = session.next();
      if (request.method !== "GET") continue;
      await (await fetch(`${base}${request.path}`, { headers: request.headers, redirect: "manual" })).arrayBuffer();
    }
  }
}
