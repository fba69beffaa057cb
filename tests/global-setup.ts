// Starts one throwaway PostgreSQL cluster for the integration run (unless the test command already
// started one and passed TEST_PG_ADMIN_URL), and tells every test file where it is.
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { findFreePort, startEmbeddedPostgres } from "../scripts/db/embedded-postgres.ts";

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const provided = process.env.TEST_PG_ADMIN_URL;
  if (provided) {
    project.provide("pgAdminUrl", provided);
    return;
  }
  const cluster = await startEmbeddedPostgres({
    dataDir: path.join(os.tmpdir(), `baton-vitest-${process.pid}`),
    port: await findFreePort(),
    database: "postgres",
    persistent: false,
  });
  project.provide("pgAdminUrl", cluster.url);
  return () => cluster.stop();
}
