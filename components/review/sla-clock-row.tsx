import clsx from "clsx";
import type { SlaClock } from "@/lib/review/sla-clocks";
import { formatDuration } from "@/lib/time";

// The three SLA clocks side by side: what was measured against the target, coloured by outcome, so the
// meeting sees at a glance which clock ran over and by how much.

const minutes = (value: number) => formatDuration(value * 60_000);

const STATE: Record<SlaClock["state"], { box: string; label: string; text: string }> = {
  met: { box: "border-emerald-200 bg-emerald-50", label: "Met", text: "text-emerald-800" },
  missed: { box: "border-red-300 bg-red-50", label: "Missed", text: "text-red-800" },
  overdue: { box: "border-red-300 bg-red-50", label: "Overdue", text: "text-red-800" },
  running: { box: "border-amber-200 bg-amber-50", label: "Running", text: "text-amber-800" },
  unknown: { box: "border-slate-200 bg-slate-50", label: "Not measured", text: "text-slate-600" },
};

function measured(clock: SlaClock): string {
  if (clock.minutes !== null) return minutes(clock.minutes);
  if (clock.state === "overdue" && clock.overdueMinutes !== null) return `not yet, ${minutes(clock.overdueMinutes)} late`;
  if (clock.state === "running" && clock.overdueMinutes !== null) return `${minutes(-clock.overdueMinutes)} left`;
  return "—";
}

function against(clock: SlaClock): string {
  if (clock.targetMinutes === null) return "";
  const target = `SLA ${minutes(clock.targetMinutes)}`;
  if (clock.state === "missed" && clock.minutes !== null) return `${target} · over by ${minutes(clock.minutes - clock.targetMinutes)}`;
  return target;
}

export function SlaClockRow({ clocks }: { clocks: SlaClock[] }) {
  return (
    <ul aria-label="SLA clocks" className="grid grid-cols-3 gap-2">
      {clocks.map((clock) => {
        const style = STATE[clock.state];
        return (
          <li key={clock.id} data-clock={clock.id} data-state={clock.state} className={clsx("rounded-md border px-2.5 py-2", style.box)}>
            <p className="text-[11px] leading-tight font-medium text-slate-600">{clock.label}</p>
            <p className={clsx("mt-1 text-base leading-tight font-semibold tabular-nums", style.text)}>{measured(clock)}</p>
            <p className="mt-0.5 text-[11px] text-slate-600 tabular-nums">
              <span className={clsx("font-semibold tracking-wide uppercase", style.text)}>{style.label}</span>
              {against(clock) && ` · ${against(clock)}`}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
