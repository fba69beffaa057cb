// Backups with PostgreSQL's own tools: pg_dump's custom format, restored with pg_restore. Debian's
// postgresql-client provides them (the same major version as the embedded server).
import { spawn } from "node:child_process";
import pg from "pg";
import { CliError } from "../lib/cli.ts";

function run(command: string, args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "inherit", "pipe"], env: { ...process.env, ...env } });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += String(chunk)));
    child.on("error", (error) =>
      reject(
        new CliError(
          `${command} is not installed (${error.message}): install Debian's postgresql-client (apt-get install -y postgresql-client)`,
        ),
      ),
    );
    child.on("exit", (code) =>
      code === 0
        ? resolve()
        : reject(new CliError(`${command} failed: ${stderr.trim().split("\n").slice(-3).join(" ") || `exit ${code}`}`)),
    );
  });
}

/** libpq settings from a URL, passed through the environment so no password appears in the process list. */
function connectionEnv(url: string): { env: Record<string, string>; database: string } {
  const parsed = new URL(url);
  return {
    database: decodeURIComponent(parsed.pathname.slice(1)),
    env: {
      PGHOST: parsed.hostname,
      PGPORT: parsed.port || "5432",
      PGUSER: decodeURIComponent(parsed.username),
      PGPASSWORD: decodeURIComponent(parsed.password),
    },
  };
}

export async function backupDatabase(url: string, file: string): Promise<void> {
  const { env, database } = connectionEnv(url);
  await run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--file=${file}`, database], env);
}

async function tableCount(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>(`SELECT count(*) FROM pg_tables WHERE schemaname = 'public'`);
    return Number(rows[0]?.count ?? 0);
  } finally {
    await client.end();
  }
}

interface RestoreOptions {
  force?: boolean;
  /** How the command named the database ("database baton at 127.0.0.1:54329 …"), for the refusal. */
  target?: string;
  /** Asked before replacing a non-empty database without `force`; true replaces it. */
  confirm?: (target: string, database: string) => Promise<boolean>;
}

/** Restores into `url`. A database that already has tables is only overwritten with `force` or a confirmation. */
export async function restoreDatabase(url: string, file: string, options: RestoreOptions = {}): Promise<void> {
  const { env, database } = connectionEnv(url);
  const target = options.target ?? `database ${database}`;
  if (!options.force && (await tableCount(url)) > 0 && !(await options.confirm?.(target, database))) {
    throw new CliError(
      `the ${target} is not empty: nothing restored; restore into a new database, or pass --force to replace its contents`,
    );
  }
  await run(
    "pg_restore",
    ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", `--dbname=${database}`, file],
    env,
  );
}
