import clsx from "clsx";

/** Mean reason quality (0..1) as a number and a bar: red under 0.5, amber under 0.8, green above. */
export function QualityBar({ value }: { value: number | null }) {
  if (value === null) return <span className="text-xs text-slate-400">no rejections</span>;
  const tone = value < 0.5 ? "bg-red-500" : value < 0.8 ? "bg-amber-500" : "bg-emerald-500";
  return (
    <span className="inline-flex items-center gap-2">
      <span className="tabular-nums">{value.toFixed(2)}</span>
      <span aria-hidden className="h-1.5 w-16 rounded-full bg-slate-200">
        <span className={clsx("block h-1.5 rounded-full", tone)} style={{ width: `${Math.round(value * 100)}%` }} />
      </span>
    </span>
  );
}
