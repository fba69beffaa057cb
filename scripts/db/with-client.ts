// A connection of its own, closed whatever happens: the demo loader, the test setup and the e2e fixtures
// open one the same way, for one statement or for several on one client (a transaction, an advisory
// lock, a loader that writes through it).
import pg from "pg";

export async function withClient<T>(url: string | undefined, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
