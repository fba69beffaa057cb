// The lead detail page's data at scale: the product's call (record with timeline, definitions, the
// diagnosis computed on read from that record) against one hand-written query for the same record and timeline feeding
// the same engine.
import type pg from "pg";
import { diagnoseLead } from "../../lib/diagnosis/diagnose.ts";
import { findLeadDetailPage } from "../../lib/leads/diagnosed-lead.ts";
import { loadDiagnosisDefinitions } from "../../lib/rediagnosis/definitions.ts";
import { loadDiagnosisInputs } from "../../lib/rediagnosis/load-batch.ts";
import { compare } from "./measure.ts";

const TARGET_P95_MS = 50;

const LIMIT_SQL = `
  SELECT l.*, lt.key AS lead_type_key, lt.name AS lead_type_name, lt.acceptance_criteria, u.name AS owner_name,
         (SELECT json_agg(e ORDER BY e.occurred_at, e.id) FROM handoff_events e WHERE e.lead_id = l.id) AS events
  FROM leads l LEFT JOIN lead_types lt ON lt.id = l.lead_type_id LEFT JOIN users u ON u.id = l.owner_id
  WHERE l.id = $1`;

export async function measureLeadDetail(client: pg.Pool, runs: number) {
  // A lead in the middle of the table, with a full timeline.
  const { rows } = await client.query<{ id: number }>(
    `SELECT lead_id AS id FROM handoff_events WHERE lead_id >= (SELECT max(id) / 2 FROM leads) GROUP BY lead_id HAVING count(*) >= 8 ORDER BY lead_id LIMIT 1`,
  );
  const leadId = rows[0]?.id;
  if (!leadId) throw new Error("no lead with a full timeline to measure");
  const definitions = await loadDiagnosisDefinitions(client);
  const product = () => findLeadDetailPage(leadId);
  const limit = async () => {
    const [record, inputs] = await Promise.all([
      client.query(LIMIT_SQL, [leadId]),
      loadDiagnosisInputs(client, [leadId], definitions, new Date()),
    ]);
    if (!record.rows[0] || !inputs[0]) throw new Error("lead vanished");
    return diagnoseLead(inputs[0]);
  };
  const timing = await compare(product, limit, { runs: runs * 3 });
  return {
    leadId,
    comparisons: [
      {
        area: "lead detail",
        name: "record + timeline + diagnosis",
        matching: 1,
        ...timing,
        target: `p95 < ${TARGET_P95_MS} ms`,
        ok: timing.product.p95 < TARGET_P95_MS,
      },
    ],
  };
}
