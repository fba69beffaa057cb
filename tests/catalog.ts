// A readable description of a database's schema from PostgreSQL's catalogs: tables, columns (type,
// nullability, default), enums, indexes, constraints and extensions. Two databases with equal
// descriptions have the same schema.
import { withClient } from "../scripts/db/with-client.ts";

const QUERIES = {
  columns: `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default, character_maximum_length, datetime_precision
            FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY 1, 2`,
  enums: `SELECT t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS labels
          FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
          WHERE n.nspname = 'public' GROUP BY 1 ORDER BY 1`,
  indexes: `SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1, 2`,
  constraints: `SELECT conrelid::regclass::text AS table_name, conname, contype, pg_get_constraintdef(oid) AS definition
                FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND contype IN ('p','f','u','c')
                  AND conrelid::regclass::text <> '"_prisma_migrations"' AND conrelid::regclass::text <> '_prisma_migrations' ORDER BY 1, 2`,
  extensions: `SELECT extname FROM pg_extension WHERE extname <> 'plpgsql' ORDER BY 1`,
} as const;

export type Catalog = Record<keyof typeof QUERIES, Record<string, unknown>[]>;

export async function describeCatalog(url: string): Promise<Catalog> {
  return withClient(url, async (client) => {
    const entries = await Promise.all(Object.entries(QUERIES).map(async ([key, sql]) => [key, (await client.query(sql)).rows] as const));
    return Object.fromEntries(entries) as Catalog;
  });
}
