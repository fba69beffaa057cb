import clsx from "clsx";
import type { ReasonQualityFeedback } from "@/lib/decisions/quality";

const TONES = { 0: "bg-red-500", 0.5: "bg-amber-500", 1: "bg-emerald-500" } as const;

/** The rejection's reason quality as the rep writes it, with the nudge towards a specific reason. */
export function ReasonQualityMeter({ feedback, id }: { feedback: ReasonQualityFeedback; id: string }) {
  return (
    <div id={id} aria-live="polite" className="rounded-md bg-slate-50 px-3 py-2 text-xs text-slate-700">
      <div className="flex items-center gap-2">
        <span className="font-medium">Reason quality</span>
        <span className="flex gap-0.5" aria-hidden>
          {[0.5, 1].map((step) => (
            <span key={step} className={clsx("h-1.5 w-8 rounded-full", feedback.score >= step ? TONES[feedback.score] : "bg-slate-200")} />
          ))}
        </span>
        <span className="tabular-nums">
          {feedback.score} of 1 · {feedback.label}
        </span>
      </div>
      <p className="mt-1 text-slate-600">{feedback.nudge ?? "Specific: marketing can act on this."}</p>
    </div>
  );
}
