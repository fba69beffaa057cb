import type { Phase } from "@/lib/import/job-state";

// Display labels of an import's states; ids stay the schema's. Tones are the Badge's.
type Tone = "neutral" | "good" | "warn" | "bad" | "info" | "muted";
export const IMPORT_STATUS_LABELS: Record<string, { label: string; tone: Tone }> = {
  uploaded: { label: "Uploaded", tone: "neutral" },
  mapped: { label: "Mapping", tone: "info" },
  validated: { label: "Checked", tone: "info" },
  queued: { label: "Queued", tone: "warn" },
  running: { label: "Running", tone: "warn" },
  succeeded: { label: "Imported", tone: "good" },
  failed: { label: "Failed", tone: "bad" },
  cancelled: { label: "Cancelled", tone: "muted" },
};

export const PHASE_LABELS: Record<Phase, { check: string; import: string }> = {
  waiting: { check: "Waiting for a worker…", import: "Waiting for a worker…" },
  reading: { check: "Checking rows", import: "Importing rows" },
  diagnosing: { check: "Diagnosing leads", import: "Diagnosing the imported leads" },
  finishing: { check: "Finishing", import: "Committing" },
};

export const PRESET_LABELS: Record<string, string> = {
  hubspot: "HubSpot",
  salesforce: "Salesforce",
  zoho: "Zoho CRM",
  generic: "Generic CSV",
};
