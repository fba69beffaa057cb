import clsx from "clsx";

// A labelled progress bar (role="progressbar"): the upload and the running import both use it.
export function ProgressBar({
  label,
  done,
  total,
  unit,
  detail,
  tone = "brand",
}: {
  label: string;
  done: number;
  total: number;
  unit: "rows" | "bytes" | "leads";
  detail?: string;
  tone?: "brand" | "muted";
}) {
  const percent = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0;
  const amount =
    total === 0
      ? ""
      : unit === "bytes"
        ? `${(done / 1024 / 1024).toFixed(1)} of ${(total / 1024 / 1024).toFixed(1)} MB`
        : `${done.toLocaleString("en")} of ${total.toLocaleString("en")} ${unit}`;
  return (
    <div className="space-y-1.5">
      <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
        <span className="font-medium text-slate-800">{label}</span>
        <span className="text-slate-600 tabular-nums">{amount}</span>
      </div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={amount ? `${percent} %, ${amount}` : `${percent} %`}
        className="h-2.5 overflow-hidden rounded-full bg-slate-100"
      >
        <div
          className={clsx("h-full rounded-full transition-[width] duration-500", tone === "brand" ? "bg-brand-600" : "bg-slate-400")}
          style={{ width: `${percent}%` }}
        />
      </div>
      {detail && <p className="text-xs text-slate-600 tabular-nums">{detail}</p>}
    </div>
  );
}
