import type { ChoiceSet, FileKind } from "@/lib/import/fields";
import { headerKey } from "@/lib/import/values";
import { PRESET_VALUES } from "@/lib/import/preset-values";

// Presets recognise the common CRM exports by their headers and pre-fill the mapping: column -> target,
// plus suggested value mappings (a HubSpot "Lead Status" of "Connected" means sales accepted the lead).
// Headers are compared loosely (case, spacing and punctuation ignored).

export const PRESET_IDS = ["hubspot", "salesforce", "zoho", "generic"] as const;
export type PresetId = (typeof PRESET_IDS)[number];

export interface PresetFile {
  /** Headers that identify this export; the preset matches when most are present. */
  signature: string[];
  columns: Record<string, string>;
}

export interface Preset {
  id: PresetId;
  label: string;
  sourceSystem: string;
  files: Partial<Record<FileKind, PresetFile>>;
  values: Partial<Record<ChoiceSet, Record<string, string>>>;
}

const HUBSPOT: Preset = {
  id: "hubspot",
  label: "HubSpot contacts export",
  sourceSystem: "hubspot",
  files: {
    leads: {
      signature: ["Contact ID", "Lifecycle Stage", "Original Source", "Contact owner", "Create Date"],
      columns: {
        "Contact ID": "externalId",
        // Today's HubSpot exports name the id column "Record ID".
        "Record ID": "externalId",
        "First Name": "firstName",
        "Last Name": "lastName",
        Email: "email",
        "Phone Number": "phone",
        "Company Name": "company",
        "Job Title": "title",
        "Website URL": "website",
        "Create Date": "capturedAt",
        "Original Source": "originalSource",
        "Original Source Drill-Down 1": "sourceDetail",
        "First Touch Converting Campaign": "campaign",
        "First Conversion": "conversionPoint",
        "First Page Seen": "landingPage",
        Message: "buyerMessage",
        "Contact owner": "owner",
        "Lead Status": "status",
        "Lifecycle Stage": "status",
        "Owner Assigned Date": "event:assigned",
        "Last Contacted": "event:contacted",
        "Became a Sales Qualified Lead Date": "event:qualified",
        "Became an Opportunity Date": "event:opportunity_created",
        "Became a Customer Date": "event:won",
        // Common names of the custom properties teams add for sales feedback (HubSpot has none built in).
        Objection: "objection",
        "Sales Objection": "objection",
        "Objection Detail": "objectionDetail",
        "Source Quality": "sourceSignal",
      },
    },
  },
  values: PRESET_VALUES.hubspot,
};

const SALESFORCE: Preset = {
  id: "salesforce",
  label: "Salesforce leads report",
  sourceSystem: "salesforce",
  files: {
    leads: {
      signature: ["Lead ID", "Lead Owner", "Lead Status", "Lead Source", "Created Date", "First Name", "Last Name", "Rating"],
      columns: {
        "Lead ID": "externalId",
        // Data Loader and API exports call the record id "Id".
        Id: "externalId",
        "First Name": "firstName",
        "Last Name": "lastName",
        Email: "email",
        Phone: "phone",
        Company: "company",
        "Company / Account": "company",
        Title: "title",
        Website: "website",
        "Created Date": "capturedAt",
        "Lead Source": "originalSource",
        "Lead Owner": "owner",
        "Lead Status": "status",
        Rating: "priority",
        Description: "buyerMessage",
        "Converted Date": "event:opportunity_created",
        "Last Activity": "event:contacted",
        // Custom fields (API names end in __c; reports show the label).
        Objection__c: "objection",
        Objection: "objection",
        Objection_Detail__c: "objectionDetail",
        "Objection Detail": "objectionDetail",
        Source_Quality__c: "sourceSignal",
        "Source Quality": "sourceSignal",
      },
    },
  },
  values: PRESET_VALUES.salesforce,
};

const ZOHO: Preset = {
  id: "zoho",
  label: "Zoho CRM leads (with calls, meetings, tasks)",
  sourceSystem: "zoho",
  files: {
    leads: {
      signature: ["LEADID", "Lead Owner", "Lead Source", "Lead Status", "Created Time"],
      columns: {
        LEADID: "externalId",
        "Lead ID": "externalId",
        // Zoho's current module export names it "Record Id".
        "Record Id": "externalId",
        "First Name": "firstName",
        "Last Name": "lastName",
        Company: "company",
        "Lead Owner": "owner",
        Email: "email",
        Mobile: "phone",
        Phone: "phone",
        Website: "website",
        Designation: "title",
        "Lead Source": "originalSource",
        "Lead Status": "status",
        "Created Time": "capturedAt",
        Description: "buyerMessage",
      },
    },
    calls: {
      signature: ["Call Start Time", "Call Owner", "Call Type", "LEADID"],
      columns: {
        TASKID: "activityId",
        "Call Start Time": "occurredAt",
        "Call Owner": "actor",
        Subject: "subject",
        "Call Purpose": "notes",
        LEADID: "leadExternalId",
      },
    },
    meetings: {
      signature: ["EVENTID", "Event Owner", "Start DateTime", "LEADID"],
      columns: {
        EVENTID: "activityId",
        "Event Owner": "actor",
        Subject: "subject",
        "Start DateTime": "occurredAt",
        LEADID: "leadExternalId",
      },
    },
    tasks: {
      signature: ["Task Owner", "Subject", "Due Date", "Status"],
      columns: {
        TASKID: "activityId",
        "Task Owner": "actor",
        Subject: "subject",
        "Created Time": "occurredAt",
        "Due Date": "dueAt",
        LEADID: "leadExternalId",
      },
    },
  },
  values: PRESET_VALUES.zoho,
};

/** Common header names of any CRM or spreadsheet. */
const GENERIC: Preset = {
  id: "generic",
  label: "Generic CSV",
  sourceSystem: "csv",
  files: {
    leads: {
      signature: [],
      columns: {
        id: "externalId",
        "external id": "externalId",
        "lead id": "externalId",
        "record id": "externalId",
        "contact id": "externalId",
        name: "name",
        "full name": "name",
        "first name": "firstName",
        "last name": "lastName",
        email: "email",
        "e mail": "email",
        "email address": "email",
        phone: "phone",
        mobile: "phone",
        "phone number": "phone",
        company: "company",
        "company name": "company",
        organization: "company",
        organisation: "company",
        account: "company",
        title: "title",
        "job title": "title",
        website: "website",
        "created at": "capturedAt",
        created: "capturedAt",
        "created date": "capturedAt",
        "create date": "capturedAt",
        "created time": "capturedAt",
        "captured at": "capturedAt",
        source: "originalSource",
        "lead source": "originalSource",
        "original source": "originalSource",
        campaign: "campaign",
        offer: "offer",
        "conversion point": "conversionPoint",
        form: "conversionPoint",
        "landing page": "landingPage",
        message: "buyerMessage",
        comments: "buyerMessage",
        "lead type": "leadType",
        priority: "priority",
        owner: "owner",
        "lead owner": "owner",
        "assigned to": "owner",
        queue: "queue",
        status: "status",
        "lead status": "status",
        stage: "status",
        "lifecycle stage": "status",
        "assigned at": "event:assigned",
        "owner assigned date": "event:assigned",
        "last contacted": "event:contacted",
        "next action": "nextAction",
        "next action due": "nextActionDueAt",
      },
    },
    ...Object.fromEntries(
      (["calls", "meetings", "tasks", "emails", "status_history"] as const).map((kind) => [
        kind,
        {
          signature: [],
          columns: {
            "lead id": "leadExternalId",
            lead: "leadExternalId",
            "lead external id": "leadExternalId",
            id: "activityId",
            "activity id": "activityId",
            date: "occurredAt",
            "occurred at": "occurredAt",
            time: "occurredAt",
            owner: "actor",
            user: "actor",
            type: "activityType",
            status: "activityType",
            subject: "subject",
            notes: "notes",
            description: "notes",
            "due date": "dueAt",
          },
        },
      ]),
    ),
  },
  values: PRESET_VALUES.generic,
};

export const PRESETS: Record<PresetId, Preset> = { hubspot: HUBSPOT, salesforce: SALESFORCE, zoho: ZOHO, generic: GENERIC };

/** Share of a preset file's signature headers found among the file's headers. */
function signatureScore(file: PresetFile, headers: readonly string[]): number {
  if (file.signature.length === 0) return 0;
  const present = new Set(headers.map(headerKey));
  return file.signature.filter((header) => present.has(headerKey(header))).length / file.signature.length;
}

/** The preset and file kind whose signature the headers match best (at least 60 %), else generic. */
export function detectPreset(headers: readonly string[], kind?: FileKind): { preset: PresetId; kind: FileKind | null; score: number } {
  let best: { preset: PresetId; kind: FileKind | null; score: number } = { preset: "generic", kind: null, score: 0 };
  for (const preset of Object.values(PRESETS)) {
    for (const [fileKind, file] of Object.entries(preset.files) as [FileKind, PresetFile][]) {
      if (kind && fileKind !== kind) continue;
      const score = signatureScore(file, headers);
      if (score >= 0.6 && score > best.score) best = { preset: preset.id, kind: fileKind, score };
    }
  }
  return best;
}

/** Column -> target for a file's headers under a preset; unknown headers are left unmapped. */
export function suggestColumns(presetId: PresetId, kind: FileKind, headers: readonly string[]): Record<string, string> {
  const columns = PRESETS[presetId].files[kind]?.columns ?? PRESETS.generic.files[kind]?.columns ?? {};
  const byKey = new Map(Object.entries(columns).map(([header, target]) => [headerKey(header), target]));
  const suggested: Record<string, string> = {};
  for (const header of headers) {
    const target = byKey.get(headerKey(header));
    if (target) suggested[header] = target;
  }
  return suggested;
}
