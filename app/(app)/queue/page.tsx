import type { Metadata } from "next";
import { QueueView } from "@/components/queue/queue-view";
import { TeamSummary } from "@/components/queue/team-summary";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { findQueue } from "@/lib/decisions/queue-queries";

export const metadata: Metadata = { title: "Queue" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function positiveInt(value: string | string[] | undefined): number | null {
  return typeof value === "string" && /^\d{1,10}$/.test(value) && Number(value) > 0 && Number(value) <= 2 ** 31 - 1 ? Number(value) : null;
}

const DESCRIPTIONS = {
  own: "Your leads awaiting a decision or a first action, most urgent first. Accept, reject with a reason, or ask marketing — from the keyboard.",
  team: "Your team's leads awaiting a decision or a first action, most urgent first. Decide for a rep, or move a lead to someone with room.",
  all: "Every sales queue, most urgent first. Filter by owner to rebalance.",
} as const;

export default async function QueuePage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser("queue.read");
  const params = await searchParams;
  const queue = await findQueue(user, { ownerId: positiveInt(params.rep) });
  const title = queue.scope === "own" ? "My queue" : queue.scope === "team" ? "Team queue" : "Sales queues";
  return (
    <div className="space-y-4">
      <PageHeader title={title} description={DESCRIPTIONS[queue.scope]} />
      {queue.scope !== "own" && <TeamSummary reps={queue.reps} ownerFilter={queue.ownerFilter} scope={queue.scope} />}
      <QueueView queue={queue} initialLeadId={positiveInt(params.lead)} canReassign={can(user.role, "leads.reassign")} userId={user.id} />
    </div>
  );
}
