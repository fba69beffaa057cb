// Prisma's schema engine compiled to WebAssembly, driven through the pg driver adapter. The native engine
// cannot be downloaded on these machines; this one ships in an npm package and diffs schemas offline, so
// new migrations are generated exactly as `prisma migrate dev` would write them, and a test can prove that
// the migrated database matches schema.prisma.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

export const SCHEMA_PATH = path.resolve("prisma/schema.prisma");
export const MIGRATIONS_DIR = path.resolve("prisma/migrations");

type DiffTarget = { tag: "empty" } | { tag: "schemaDatamodel"; files: { path: string; content: string }[] };

interface SchemaEngine {
  diff(params: {
    from: DiffTarget;
    to: DiffTarget;
    script: boolean;
    exitCode: boolean | null;
    filters: { externalTables: string[]; externalEnums: string[] };
  }): Promise<{ exitCode: number; stdout: string | null }>;
  free(): void;
}

let enginePackage: Promise<{ SchemaEngine: { new: (...args: unknown[]) => Promise<SchemaEngine> } }> | undefined;

/** The package's entry imports a .wasm file as a module, which Node 20 cannot: instantiate it by hand. */
async function loadEnginePackage() {
  // The engine reports a panic's message here before it aborts.
  (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY ??= {
    set_message: (message: string) => console.error(`schema engine panic: ${message}`),
  };
  const require = createRequire(import.meta.url);
  const bindingsPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const packageDir = path.dirname(bindingsPath);
  const bindings = await import(pathToFileURL(bindingsPath).href);
  const bytes = await readFile(path.join(packageDir, "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bindings });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
  return bindings;
}

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

/**
 * The engine introspects pg_catalog columns of PostgreSQL's one-byte "char" type, which this adapter
 * version does not map; they hold plain text, so report them as text.
 */
function catalogFriendlyPool(connectionString: string): pg.Pool {
  const pool = new pg.Pool({ connectionString, max: 2 });
  const query = pool.query.bind(pool) as (config: unknown) => Promise<pg.QueryResult>;
  const patched = async (config: unknown) => {
    const result = await query(config);
    for (const field of result.fields ?? []) if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
    return result;
  };
  (pool as unknown as { query: typeof patched }).query = patched;
  return pool;
}

export async function readSchemaFile() {
  return { path: SCHEMA_PATH, content: await readFile(SCHEMA_PATH, "utf8") };
}

export async function withSchemaEngine<T>(databaseUrl: string, work: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  enginePackage ??= loadEnginePackage();
  const { SchemaEngine } = await enginePackage;
  const schema = await readSchemaFile();
  const pool = catalogFriendlyPool(databaseUrl);
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg(pool));
  const engine = await SchemaEngine.new({ datamodels: [[schema.path, schema.content]] }, () => undefined, adapter);
  try {
    return await work(engine);
  } finally {
    engine.free();
    await pool.end().catch(() => undefined);
  }
}

const noFilters = { externalTables: [], externalEnums: [] };

/**
 * SQL that turns the schema `from` (schema.prisma text, or null for an empty database) into `to`.
 * Both sides are datamodels: the engine needs a connection but introspects nothing.
 */
export async function diffSchemas(databaseUrl: string, from: string | null, to: string): Promise<string> {
  return withSchemaEngine(databaseUrl, async (engine) => {
    const result = await engine.diff({
      from: from === null ? { tag: "empty" } : { tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content: from }] },
      to: { tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content: to }] },
      script: true,
      exitCode: null,
      filters: noFilters,
    });
    const script = result.stdout ?? "";
    return script.includes("This is an empty migration.") ? "" : script.trim();
  });
}
