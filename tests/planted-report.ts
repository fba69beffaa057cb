import type { FailurePoint } from "../lib/diagnosis/vocabulary.ts";
import { mulberry32 } from "../prisma/seed/random.ts";

// A generated workspace for the handoff report's tests (integration and end-to-end): leads spread over
// sources, queues, owners and every hour of four weeks, with failures drawn at random at a low base rate,
// and, when asked, three planted concentrations. Verdicts are stored as the diagnosis stores them
// (failure_points, duplicate_outreach), so each planted concentration is known exactly:
// - queue "Enterprise" after hours: slow timing on 70 % of its leads;
// - source "partners": rejections without a usable reason (weak feedback) on 60 % of its leads;
// - account "acme.example": 30 leads worked by two reps (unclear owner through duplicate outreach);
// - one owner with 8 leads, every one slow: too few to mean anything.

interface Client {
  query: (text: string, values?: unknown[]) => Promise<unknown>;
}

export const PLANTED_SOURCES = ["web", "events", "partners", "content"];
const QUEUES = ["Enterprise", "Mid-market", "SMB"];

export interface PlantedLead {
  capturedAt: Date;
  source: string;
  queue: string;
  ownerId: number;
  account: string | null;
  failurePoints: FailurePoint[];
  duplicate: boolean;
}

function isWorkingHours(at: Date): boolean {
  const day = at.getUTCDay();
  const minute = at.getUTCHours() * 60 + at.getUTCMinutes();
  return day >= 1 && day <= 5 && minute >= 540 && minute < 1020;
}

export function generatePlantedLeads(
  period: { from: string },
  owners: number[],
  seed: number,
  plant?: { smallOwner: number },
): PlantedLead[] {
  const next = mulberry32(seed);
  const start = Date.parse(`${period.from}T00:00:00Z`);
  const leads: PlantedLead[] = [];
  for (let index = 0; index < 1500; index++) {
    const capturedAt = new Date(start + Math.floor(next() * 28 * 24 * 60) * 60_000);
    const source = PLANTED_SOURCES[Math.floor(next() * PLANTED_SOURCES.length)]!;
    const queue = QUEUES[Math.floor(next() * QUEUES.length)]!;
    const failurePoints = new Set<FailurePoint>();
    if (next() < 0.1) failurePoints.add("slow_timing");
    if (next() < 0.08) failurePoints.add("weak_feedback");
    if (next() < 0.06) failurePoints.add("unclear_owner");
    if (plant && queue === "Enterprise" && !isWorkingHours(capturedAt) && next() < 0.7) failurePoints.add("slow_timing");
    if (plant && source === "partners" && next() < 0.6) failurePoints.add("weak_feedback");
    leads.push({
      capturedAt,
      source,
      queue,
      ownerId: owners[Math.floor(next() * owners.length)]!,
      account: `account-${Math.floor(next() * 400)}.example`,
      failurePoints: [...failurePoints],
      duplicate: false,
    });
  }
  if (plant) {
    for (let index = 0; index < 30; index++) {
      leads.push({
        capturedAt: new Date(start + index * 20 * 3_600_000),
        source: PLANTED_SOURCES[index % 4]!,
        queue: QUEUES[index % 3]!,
        ownerId: owners[index % 2]!,
        account: "acme.example",
        failurePoints: ["unclear_owner"],
        duplicate: true,
      });
    }
    for (let index = 0; index < 8; index++) {
      leads.push({
        capturedAt: new Date(start + index * 50 * 3_600_000 + 3_600_000),
        source: "web",
        queue: "SMB",
        ownerId: plant.smallOwner,
        account: null,
        failurePoints: ["slow_timing"],
        duplicate: false,
      });
    }
  }
  return leads;
}

/** Inserts the leads under external ids starting with `prefix` (unique per call). */
export async function insertPlantedLeads(client: Client, leads: PlantedLead[], prefix: string): Promise<void> {
  const ids = leads.map((_, index) => `${prefix}-${index}`);
  await client.query(
    `INSERT INTO leads (source_system, external_id, name, captured_at, original_source, queue, owner_id, account_domain, failure_points, flagged, severity, duplicate_outreach, updated_at)
     SELECT 'test', v.external_id, 'Buyer ' || v.external_id, v.captured_at, v.source, v.queue, v.owner_id, v.account,
       string_to_array(v.failure_points, ',')::"FailurePoint"[], v.failure_points <> '', CASE WHEN v.failure_points <> '' THEN 40 ELSE 0 END, v.duplicate, now()
     FROM unnest($1::text[], $2::timestamptz[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[], $8::boolean[])
       AS v(external_id, captured_at, source, queue, owner_id, account, failure_points, duplicate)`,
    [
      ids,
      leads.map((lead) => lead.capturedAt),
      leads.map((lead) => lead.source),
      leads.map((lead) => lead.queue),
      leads.map((lead) => lead.ownerId),
      leads.map((lead) => lead.account),
      leads.map((lead) => lead.failurePoints.join(",")),
      leads.map((lead) => lead.duplicate),
    ],
  );
}
