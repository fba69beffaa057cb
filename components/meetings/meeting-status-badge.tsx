import { Badge, type Tone } from "@/components/ui/badge";

const STATUS: Record<"planned" | "running" | "ended", { label: string; tone: Tone }> = {
  planned: { label: "Planned", tone: "neutral" },
  running: { label: "In progress", tone: "info" },
  ended: { label: "Ended", tone: "good" },
};

export function MeetingStatusBadge({ status }: { status: keyof typeof STATUS }) {
  return <Badge tone={STATUS[status].tone}>{STATUS[status].label}</Badge>;
}
