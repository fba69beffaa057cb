import pg from "pg";
import { loadDashboardContext } from "@/lib/metrics/context";
import { parseDashboardFilter, todayIn } from "@/lib/metrics/filters";
import { weeklySql } from "@/lib/metrics/weekly";
import { toQuery } from "@/lib/metrics/sql";
const pool = new pg.Pool({ connectionString: process.env.DB });
const context = await loadDashboardContext(pool);
const filter = parseDashboardFilter({}, todayIn(context.timeZone), context.weekStartsOn);
const { text, values } = toQuery(weeklySql(filter, context));
for (let i = 0; i < 3; i++) { const t0 = performance.now(); await pool.query(text, values); console.log((performance.now() - t0).toFixed(1)); }
const r = await pool.query("EXPLAIN (ANALYZE, BUFFERS) " + text, values);
console.log(r.rows.map((x) => x["QUERY PLAN"]).join("\n"));
await pool.end();
