import Link from "next/link";
import { FixStatusBadge } from "@/components/fixes/fix-status-badge";
import { Card } from "@/components/ui/card";
import { EntityTable } from "@/components/ui/entity-table";
import { FAILURE_POINT_LABELS, FIX_TYPE_LABELS } from "@/lib/diagnosis/labels";
import { metricLabel } from "@/lib/fixes/metrics";
import { sourceLabel } from "@/lib/leads/labels";
import { describeBuyerFeedback, type MeetingSummary } from "@/lib/meetings/summary";
import { DECISION_LABELS } from "@/lib/meetings/tally";
import { formatDate } from "@/lib/time";

// The end-of-meeting summary: decisions, fixes with owners and dates, counts by failure point and by
// source, and what is still unresolved. Printable: the app's navigation and the buttons are hidden on
// paper, tables avoid breaking rows across pages.

/** A count column: right-aligned digits that line up. */
const count = "text-right tabular-nums";
const dueText = (day: string | null) => (day ? formatDate(`${day}T12:00:00Z`, "UTC") : "no date");

export function SummaryView({ summary }: { summary: MeetingSummary }) {
  const { items, fixes, tally, bySource, unresolved, buyerFeedback } = summary;
  return (
    <div className="space-y-4 print:space-y-3 [&_tr]:break-inside-avoid">
      <Card title={`Fixes agreed (${fixes.length})`}>
        {fixes.length === 0 ? (
          <p className="text-sm text-slate-500">No fixes were recorded in this meeting.</p>
        ) : (
          <ol aria-label="Fixes agreed" className="space-y-3">
            {fixes.map((fix) => (
              <li key={fix.id} className="break-inside-avoid rounded-md border border-slate-200 px-3 py-2">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <Link href={`/fixes/${fix.id}`} className="font-medium text-brand-700 hover:underline">
                    {fix.title}
                  </Link>
                  <FixStatusBadge status={fix.status} />
                </div>
                <p className="text-xs text-slate-600">
                  {FIX_TYPE_LABELS[fix.fixType]}
                  {fix.failurePoint && ` · ${FAILURE_POINT_LABELS[fix.failurePoint]}`} · owner{" "}
                  <strong className="font-medium text-slate-800">{fix.owner ?? "not assigned"}</strong> · due{" "}
                  <strong className="font-medium text-slate-800">{dueText(fix.dueDate)}</strong>
                  {fix.expectedMetric && ` · should move ${metricLabel(fix.expectedMetric)}`}
                </p>
                <p className="mt-1 text-sm whitespace-pre-wrap text-slate-800">{fix.description}</p>
                <p className="mt-1 text-xs text-slate-500">Evidence: {fix.leads.map((lead) => lead.name).join(", ")}</p>
              </li>
            ))}
          </ol>
        )}
      </Card>

      <Card
        title={`Decisions (${items.length} leads)`}
        description={`Confirmed failures ${tally.decisions.confirmed_failure} · not a failure ${tally.decisions.not_a_failure} · needs more data ${tally.decisions.needs_more_data} · undecided ${tally.decisions.undecided}`}
      >
        <EntityTable
          caption="Decisions per lead"
          rows={items}
          rowKey={(item) => item.leadId}
          columns={[
            { header: "#", cell: (item) => <span className="text-slate-500 tabular-nums">{item.position}</span> },
            {
              header: "Lead",
              cell: (item) => (
                <Link href={`/review/${item.leadId}`} className="text-brand-700 hover:underline">
                  {item.leadName}
                </Link>
              ),
            },
            { header: "Source", cell: (item) => sourceLabel(item.source) },
            { header: "Failure points", cell: (item) => item.failurePoints.map((point) => FAILURE_POINT_LABELS[point]).join(", ") || "—" },
            {
              header: "Decision",
              cell: (item) => (
                <span>
                  {item.decision ? DECISION_LABELS[item.decision] : <span className="text-slate-400">No decision</span>}
                  {item.decidedBy && <span className="block text-xs text-slate-500">{item.decidedBy}</span>}
                </span>
              ),
            },
            { header: "Note", cell: (item) => <span className="whitespace-pre-wrap text-slate-700">{item.decisionNote ?? ""}</span> },
          ]}
        />
      </Card>

      <div className="grid gap-4 lg:grid-cols-2 print:grid-cols-2">
        <Card title="By failure point">
          <EntityTable
            caption="Leads per failure point"
            rows={tally.byFailurePoint}
            rowKey={(row) => row.failurePoint}
            columns={[
              { header: "Failure point", cell: (row) => FAILURE_POINT_LABELS[row.failurePoint] },
              { header: "Confirmed", className: count, cell: (row) => row.confirmed },
              { header: "On the agenda", className: count, cell: (row) => row.total },
            ]}
          />
        </Card>
        <Card title="By source">
          <EntityTable
            caption="Decisions per source"
            rows={bySource}
            rowKey={(row) => row.source ?? "none"}
            columns={[
              { header: "Source", cell: (row) => sourceLabel(row.source) },
              { header: "Leads", className: count, cell: (row) => row.total },
              { header: "Confirmed", className: count, cell: (row) => row.confirmed_failure },
              { header: "Not a failure", className: count, cell: (row) => row.not_a_failure },
              { header: "More data", className: count, cell: (row) => row.needs_more_data },
            ]}
          />
        </Card>
      </div>

      <Card
        title={`What buyers objected to, and source fit (${buyerFeedback.length})`}
        description="The objection sales heard and whether the lead was what its source promised, for the leads on the agenda that carry either."
      >
        <AgendaLeadList
          items={buyerFeedback}
          describe={(item) => `${sourceLabel(item.source)} · ${describeBuyerFeedback(item)}`}
          empty="No objection or source-quality signal was recorded on these leads."
        />
      </Card>

      <Card
        title={`Still unresolved (${unresolved.length})`}
        description="No decision yet, or more data needed: the next meeting picks these up."
      >
        <AgendaLeadList
          items={unresolved}
          describe={(item) =>
            `${item.decision ? DECISION_LABELS[item.decision] : "no decision"}${item.decisionNote ? ` — ${item.decisionNote}` : ""}`
          }
          empty="Every lead on the agenda got a decision."
        />
      </Card>
    </div>
  );
}

/** Leads on the agenda, each a link to its review with a line about it; `empty` says why there are none. */
function AgendaLeadList<Item extends { leadId: number; leadName: string }>({
  items,
  describe,
  empty,
}: {
  items: readonly Item[];
  describe: (item: Item) => string;
  empty: string;
}) {
  if (items.length === 0) return <p className="text-sm text-slate-500">{empty}</p>;
  return (
    <ul className="space-y-1 text-sm">
      {items.map((item) => (
        <li key={item.leadId}>
          <Link href={`/review/${item.leadId}`} className="text-brand-700 underline underline-offset-2">
            {item.leadName}
          </Link>
          <span className="text-slate-600"> · {describe(item)}</span>
        </li>
      ))}
    </ul>
  );
}
