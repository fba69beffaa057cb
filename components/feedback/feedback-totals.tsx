import { QualityBar } from "@/components/feedback/quality-bar";
import type { FeedbackView } from "@/lib/decisions/feedback-queries";
import { formatDuration } from "@/lib/time";

function Stat({ label, value, note }: { label: string; value: React.ReactNode; note?: React.ReactNode }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="mt-1 text-xl font-semibold text-slate-900">{value}</dd>
      {note && <dd className="mt-0.5 text-xs text-slate-500">{note}</dd>}
    </div>
  );
}

/** The period at a glance: how much sales rejected, how usable the reasons are, what waits on marketing. */
export function FeedbackTotals({ totals, now }: { totals: FeedbackView["totals"]; now: string }) {
  const decided = totals.accepted + totals.rejected;
  const share = decided === 0 ? null : totals.rejected / decided;
  const q = totals.qualityCounts;
  const oldest = totals.oldestOpenAskedAt ? formatDuration(new Date(now).getTime() - new Date(totals.oldestOpenAskedAt).getTime()) : null;
  return (
    <dl className="grid gap-3 sm:grid-cols-2 xl:grid-cols-4">
      <Stat
        label="Rejected by sales"
        value={totals.rejected.toLocaleString("en")}
        note={share === null ? "no decisions in this period" : `${Math.round(share * 100)}% of ${decided.toLocaleString("en")} decisions`}
      />
      <Stat
        label="Mean reason quality"
        value={<QualityBar value={totals.meanQuality} />}
        note={`${q["1"]} specific (1) · ${q["0.5"]} code or text alone (0.5) · ${q["0"]} none (0)`}
      />
      <Stat label="Suggested for nurture" value={totals.recycleSuggested.toLocaleString("en")} note="rejections the rep would recycle" />
      <Stat
        label="Open questions to marketing"
        value={totals.openRequests.toLocaleString("en")}
        note={oldest ? `oldest waiting ${oldest}` : "none waiting"}
      />
    </dl>
  );
}
