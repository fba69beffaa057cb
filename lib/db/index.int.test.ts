import type pg from "pg";
import { afterEach, expect, it } from "vitest";

// One connection in the pool, so a test can keep it busy. Set before lib/db/index.ts reads its settings.
process.env.DATABASE_POOL_SIZE = "1";
const { db, pool } = await import("@/lib/db");

let held: pg.PoolClient | undefined;
afterEach(() => {
  held?.release();
  held = undefined;
});

it("saves a write that had to wait 3 s for a connection, as a read would (Prisma's own limit is 2 s)", async () => {
  await db.$queryRaw`CREATE TABLE pool_wait_probe (note text)`;
  const busy = await pool.connect();
  held = busy;
  setTimeout(() => {
    busy.release();
    held = undefined;
  }, 3_000);
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`INSERT INTO pool_wait_probe VALUES ('waited')`;
  });
  const rows = await db.$queryRaw<{ note: string }[]>`SELECT note FROM pool_wait_probe`;
  expect(rows).toEqual([{ note: "waited" }]);
});
