import type { ChoiceSet } from "@/lib/import/fields";

// Suggested value mappings per preset, keyed by the lower-cased value. Lead statuses and lifecycle
// stages map onto lead states (lib/import/lead-states.ts); sources onto Baton's source ids; an empty
// string means "no value" (placeholders such as "-None-" are emptied before this).

type Values = Partial<Record<ChoiceSet, Record<string, string>>>;

const COMMON_SOURCES: Record<string, string> = {
  web: "website",
  website: "website",
  "direct traffic": "website",
  "organic search": "organic_search",
  seo: "organic_search",
  "paid search": "paid_search",
  "google adwords": "paid_search",
  "google ads": "paid_search",
  ppc: "paid_search",
  "paid social": "paid_social",
  "social media": "social_media",
  "email marketing": "email",
  email: "email",
  referral: "referral",
  referrals: "referral",
  "employee referral": "referral",
  "external referral": "referral",
  "partner referral": "partner",
  partner: "partner",
  "trade show": "event",
  event: "event",
  events: "event",
  webinar: "webinar",
  "seminar partner": "webinar",
  "internal seminar": "webinar",
  "web download": "content",
  content: "content",
};

const RATING_PRIORITIES: Record<string, string> = { hot: "p1", warm: "p2", cold: "p3", high: "p1", medium: "p2", low: "p3" };

export const PRESET_VALUES: Record<"hubspot" | "salesforce" | "zoho" | "generic", Values> = {
  hubspot: {
    state: {
      // Lead Status (HubSpot's defaults)
      new: "pending",
      open: "pending",
      "in progress": "accepted",
      "attempted to contact": "accepted",
      connected: "accepted",
      "open deal": "opportunity",
      unqualified: "disqualified",
      "bad timing": "recycled",
      // Lifecycle Stage (internal values and their labels)
      subscriber: "",
      lead: "",
      marketingqualifiedlead: "",
      "marketing qualified lead": "",
      salesqualifiedlead: "qualified",
      "sales qualified lead": "qualified",
      opportunity: "opportunity",
      customer: "won",
      evangelist: "won",
      other: "",
      // The Leads object's default pipeline stages (hs_pipeline_stage)
      "new-stage-id": "pending",
      "attempting-stage-id": "accepted",
      "connected-stage-id": "accepted",
      "qualified-stage-id": "qualified",
      "unqualified-stage-id": "disqualified",
    },
    source: {
      ...COMMON_SOURCES,
      "offline sources": "offline",
      "other campaigns": "other_campaigns",
      "ai referrals": "referral",
    },
    priority: RATING_PRIORITIES,
  },
  salesforce: {
    state: {
      "open - not contacted": "pending",
      "working - contacted": "accepted",
      "closed - converted": "opportunity",
      "closed - not converted": "disqualified",
      open: "pending",
      working: "accepted",
      nurturing: "recycled",
      qualified: "qualified",
      unqualified: "disqualified",
    },
    source: {
      ...COMMON_SOURCES,
      "phone inquiry": "phone_inquiry",
      "purchased list": "purchased_list",
      "word of mouth": "referral",
      other: "other",
    },
    priority: RATING_PRIORITIES,
  },
  zoho: {
    state: {
      "not contacted": "pending",
      "attempted to contact": "accepted",
      contacted: "accepted",
      "pre qualified": "qualified",
      "pre-qualified": "qualified",
      "contact in future": "recycled",
      "junk lead": "rejected",
      "lost lead": "lost",
      "not qualified": "disqualified",
    },
    source: {
      ...COMMON_SOURCES,
      advertisement: "advertisement",
      "cold call": "cold_call",
      "online store": "website",
      "public relations": "public_relations",
      "sales mail alias": "email",
      "web research": "web_research",
      chat: "website",
    },
    priority: RATING_PRIORITIES,
  },
  generic: {
    state: {
      new: "pending",
      open: "pending",
      pending: "pending",
      accepted: "accepted",
      working: "accepted",
      contacted: "accepted",
      rejected: "rejected",
      qualified: "qualified",
      sql: "qualified",
      disqualified: "disqualified",
      unqualified: "disqualified",
      opportunity: "opportunity",
      won: "won",
      customer: "won",
      lost: "lost",
      recycled: "recycled",
      nurture: "recycled",
    },
    source: COMMON_SOURCES,
    priority: RATING_PRIORITIES,
  },
};
