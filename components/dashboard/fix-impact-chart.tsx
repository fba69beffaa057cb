"use client";

import { Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatMinutes, formatMinutesTick, formatScore, formatShare, formatShareTick, formatWeek } from "@/components/dashboard/format";
import { AXIS, SERIES } from "@/components/dashboard/palette";

export interface FixImpactView {
  id: number;
  title: string;
  fixType: string;
  doneWeek: string;
  metricLabel: string | null;
  unit: "minutes" | "share" | "score" | null;
  /** Which way the metric should move when the fix works. */
  goal: "down" | "up" | null;
  before: number | null;
  after: number | null;
  weeks: { week: string; offset: number; value: number | null }[];
}

function format(value: number | null, unit: FixImpactView["unit"]): string {
  if (unit === "minutes") return formatMinutes(value);
  if (unit === "share") return formatShare(value);
  return formatScore(value);
}

function tick(value: number, unit: FixImpactView["unit"]): string {
  if (unit === "minutes") return formatMinutesTick(value);
  if (unit === "share") return formatShareTick(value);
  return formatScore(value);
}

function verdict(fix: FixImpactView): { text: string; tone: string } {
  if (fix.before === null || fix.after === null || fix.goal === null)
    return { text: "not enough weeks yet to compare", tone: "text-slate-500" };
  if (fix.after === fix.before) return { text: "no change", tone: "text-slate-600" };
  const improved = fix.goal === "down" ? fix.after < fix.before : fix.after > fix.before;
  return improved ? { text: "better after the fix", tone: "text-emerald-700" } : { text: "worse after the fix", tone: "text-red-700" };
}

/** Each done fix: its metric for the four weeks before and after the week it was done. */
export function FixImpactChart({ fixes }: { fixes: FixImpactView[] }) {
  return (
    <ul className="grid items-start gap-4 md:grid-cols-2 xl:grid-cols-3">
      {fixes.map((fix) => {
        const outcome = verdict(fix);
        return (
          <li key={fix.id} className="rounded-md border border-slate-200 p-3">
            <p className="text-sm font-semibold text-slate-900">{fix.title}</p>
            <p className="text-xs text-slate-500">
              {fix.fixType} · done in the week of {formatWeek(fix.doneWeek)}
            </p>
            {fix.metricLabel ? (
              <>
                <p className="mt-2 text-xs text-slate-600">
                  {fix.metricLabel}: <span className="font-semibold">{format(fix.before, fix.unit)}</span> before →{" "}
                  <span className="font-semibold">{format(fix.after, fix.unit)}</span> after ·{" "}
                  <span className={outcome.tone}>{outcome.text}</span>
                </p>
                <div className="mt-2 h-28">
                  <ResponsiveContainer width="100%" height="100%">
                    <LineChart data={fix.weeks} margin={{ top: 6, right: 8, bottom: 0, left: 0 }}>
                      <XAxis
                        dataKey="offset"
                        type="number"
                        domain={[-4, 4]}
                        ticks={[-4, -2, 0, 2, 4]}
                        tickFormatter={(offset: number) => (offset === 0 ? "fix" : `${offset > 0 ? "+" : ""}${offset} wk`)}
                        tick={{ fontSize: 10 }}
                        stroke={AXIS.stroke}
                      />
                      <YAxis
                        tickFormatter={(value: number) => tick(value, fix.unit)}
                        tick={{ fontSize: 10 }}
                        stroke={AXIS.stroke}
                        width={40}
                      />
                      <Tooltip
                        labelFormatter={(offset) => {
                          const week = fix.weeks.find((item) => item.offset === Number(offset));
                          return week ? `Week of ${formatWeek(week.week)}` : "";
                        }}
                        formatter={(value) => format(value === null ? null : Number(value), fix.unit)}
                      />
                      <ReferenceLine x={0} stroke={SERIES.fix} strokeDasharray="2 2" />
                      <Line
                        dataKey="value"
                        name={fix.metricLabel}
                        stroke={SERIES.median}
                        strokeWidth={2}
                        isAnimationActive={false}
                        connectNulls={false}
                        dot={{ r: 2.5 }}
                      />
                    </LineChart>
                  </ResponsiveContainer>
                </div>
              </>
            ) : (
              <p className="mt-2 text-xs text-slate-500">
                This fix names no metric to watch, so there is nothing to compare. Name one on the fix to see its effect here.
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
