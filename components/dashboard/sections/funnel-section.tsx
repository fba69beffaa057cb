import { ChartCard } from "@/components/dashboard/chart-card";
import { FunnelChart } from "@/components/dashboard/lazy-charts";
import { FunnelTable, type FunnelTableRow } from "@/components/dashboard/funnel-table";
import { chartCardProps, type SectionProps } from "@/components/dashboard/sections/shared";
import { funnelTotals, type FunnelRow } from "@/lib/metrics/funnel";
import { sourceName } from "@/lib/metrics/tables";

export async function FunnelSection({ data, filter, context }: SectionProps & { data: Promise<FunnelRow[]> }) {
  const rows = await data;
  const totals: FunnelTableRow = { source: "All sources", ...funnelTotals(rows, filter) };
  const named = rows.map((row) => ({ ...row, source: sourceName(row.source) }));
  return (
    <ChartCard
      {...chartCardProps("funnel", filter, context)}
      emptyMessage={
        rows.length
          ? null
          : "No lead was captured in this period with these filters, so there is no funnel to show. Widen the dates or clear a filter."
      }
    >
      {/* Side by side only where the table leaves the chart room: below 2xl the chart spans the card. */}
      <div className="grid gap-6 2xl:grid-cols-[minmax(0,1fr)_auto] 2xl:items-start">
        <FunnelChart data={named} />
        <FunnelTable rows={named} totals={totals} />
      </div>
    </ChartCard>
  );
}
