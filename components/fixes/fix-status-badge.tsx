import { Badge, type Tone } from "@/components/ui/badge";
import { FIX_STATUS_LABELS, type FixStatus } from "@/lib/fixes/status";

const TONES: Record<FixStatus, Tone> = { open: "neutral", in_progress: "info", done: "good", verified: "good" };

export function FixStatusBadge({ status }: { status: FixStatus }) {
  return (
    <Badge tone={TONES[status]}>
      {status === "verified" ? "✓ " : ""}
      {FIX_STATUS_LABELS[status]}
    </Badge>
  );
}
