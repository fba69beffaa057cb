// A real PostgreSQL primary (the embedded one, set up for replication) and a streaming replica of it made
// with pg_basebackup -R (Debian's postgresql-client: scripts/test.ts installs it), started with the embedded
// binaries' pg_ctl. For the tests of lib/db/replica.ts.
import { execFile, execFileSync } from "node:child_process";
import { appendFile, chmod, chown, mkdir, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { findFreePort, startEmbeddedPostgres, type RunningPostgres } from "../scripts/db/embedded-postgres.ts";
import { queryOnce } from "./connections.ts";

const run = promisify(execFile);
const REPLICATION_USER = "baton_replicator";
const REPLICATION_PASSWORD = "baton-replication-test";

export interface StreamingPair {
  primary: RunningPostgres;
  replicaUrl: string;
  /** SQL on the replica's database (a standby: reads only, plus the recovery functions). */
  onReplica: <R extends pg.QueryResultRow>(sql: string) => Promise<R[]>;
  stopReplica: () => Promise<void>;
  stop: () => Promise<void>;
}

/** As root, PostgreSQL and its tools run as the `postgres` OS user (scripts/db/embedded-postgres.ts). */
function postgresUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
  return { uid: id("-u"), gid: id("-g") };
}

/** The tools run as the cluster's owner, and pg_basebackup signs in as the replication role. */
function runOptions(owner: { uid: number; gid: number } | undefined) {
  return { ...(owner ?? {}), env: { ...process.env, PGPASSWORD: REPLICATION_PASSWORD } };
}

async function pgCtlPath(): Promise<string> {
  const binaries = (await import(`@embedded-postgres/${os.platform()}-${os.arch()}`)) as { pg_ctl: string };
  return binaries.pg_ctl;
}

/** pg_basebackup -R of the primary, started as a hot standby on a port of its own. */
async function startStandby(
  primary: RunningPostgres,
  folder: string,
  owner: { uid: number; gid: number } | undefined,
): Promise<{ dataDir: string; port: number }> {
  // A role that may only stream WAL, and the pg_hba.conf line that lets it in over loopback.
  await queryOnce(primary.url, `CREATE ROLE ${REPLICATION_USER} WITH REPLICATION LOGIN PASSWORD '${REPLICATION_PASSWORD}'`);
  await appendFile(path.join(primary.dataDir, "pg_hba.conf"), `\nhost replication ${REPLICATION_USER} 127.0.0.1/32 scram-sha-256\n`);
  await queryOnce(primary.url, "SELECT pg_reload_conf()");

  const replicaDir = path.join(folder, "replica");
  await mkdir(replicaDir, { mode: 0o700 });
  if (owner) await chown(replicaDir, owner.uid, owner.gid);
  const asPostgres = runOptions(owner);
  // -R writes standby.signal and primary_conninfo: the copy starts as a standby streaming from the primary.
  await run(
    "pg_basebackup",
    ["-h", "127.0.0.1", "-p", String(primary.port), "-U", REPLICATION_USER, "-D", replicaDir, "-R", "-X", "stream", "-c", "fast"],
    asPostgres,
  );

  const port = await findFreePort();
  const pgCtl = await pgCtlPath();
  const serverOptions = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c hot_standby=on`;
  await run(
    pgCtl,
    ["start", "-w", "-t", "30", "-D", replicaDir, "-l", path.join(replicaDir, "server.log"), "-o", serverOptions],
    asPostgres,
  );

  return { dataDir: replicaDir, port };
}

export async function startStreamingPair(database: string): Promise<StreamingPair> {
  const folder = await mkdtemp(path.join(os.tmpdir(), "baton-replica-"));
  await chmod(folder, 0o755);
  const owner = postgresUser();
  const primary = await startEmbeddedPostgres({
    dataDir: path.join(folder, "primary"),
    port: await findFreePort(),
    database,
    persistent: false,
    settings: ["-c", "wal_level=replica", "-c", "max_wal_senders=4", "-c", "fsync=off"],
  });

  let standby: { dataDir: string; port: number };
  try {
    standby = await startStandby(primary, folder, owner);
  } catch (error) {
    await primary.stop();
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
  const { dataDir: replicaDir, port: replicaPort } = standby;
  const pgCtl = await pgCtlPath();
  const asPostgres = runOptions(owner);
  const replicaUrl = new URL(primary.url);
  replicaUrl.port = String(replicaPort);
  let replicaRunning = true;
  const stopReplica = async () => {
    if (!replicaRunning) return;
    replicaRunning = false;
    await run(pgCtl, ["stop", "-w", "-m", "immediate", "-D", replicaDir], asPostgres);
  };
  return {
    primary,
    replicaUrl: replicaUrl.toString(),
    onReplica: (sql) => queryOnce(replicaUrl.toString(), sql),
    stopReplica,
    stop: async () => {
      await stopReplica().catch(() => undefined);
      await primary.stop();
      await rm(folder, { recursive: true, force: true });
    },
  };
}
