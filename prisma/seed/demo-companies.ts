/**
 * Word pools for the demo's companies and what buyers say about their setup. Every company gets a unique
 * domain within one generation run.
 */
import type { Rng } from "./random.ts";
import { slug } from "./demo-names.ts";

const COMPANY_STEMS = [
  "Northwind",
  "Bluepeak",
  "Harborline",
  "Lumen",
  "Brightpath",
  "Copperleaf",
  "Evergreen",
  "Ironclad",
  "Keystone",
  "Larkspur",
  "Meridian",
  "Nimbus",
  "Oakridge",
  "Pinnacle",
  "Quarry",
  "Redwood",
  "Silverline",
  "Tidewater",
  "Summit",
  "Vantage",
  "Willow",
  "Yellowfin",
  "Zephyr",
  "Arcadia",
  "Beacon",
  "Cascade",
  "Driftwood",
  "Ember",
  "Foxglove",
  "Granite",
  "Helix",
  "Indigo",
  "Juniper",
  "Kestrel",
  "Lattice",
  "Mosaic",
  "Nova",
  "Orchard",
  "Prism",
  "Quill",
  "Riverbend",
  "Sable",
  "Trellis",
  "Umbra",
  "Velvet",
  "Wavelength",
  "Atlas",
  "Bramble",
  "Cobalt",
  "Delta",
  "Fjord",
  "Glacier",
  "Horizon",
  "Ivory",
  "Jetstream",
  "Kinetic",
  "Lodestar",
  "Magnolia",
  "Nautilus",
  "Onyx",
  "Polaris",
  "Radiant",
  "Sequoia",
  "Terra",
  "Upland",
  "Vertex",
  "Westbrook",
  "Axiom",
  "Boreal",
  "Crescent",
] as const;

const COMPANY_SUFFIXES: ReadonlyArray<readonly [string, string]> = [
  ["Analytics", "analytics"],
  ["Labs", "labs"],
  ["Software", "software"],
  ["Systems", "systems"],
  ["Health", "health"],
  ["Logistics", "logistics"],
  ["Financial", "fin"],
  ["Cloud", "cloud"],
  ["Security", "security"],
  ["Robotics", "robotics"],
  ["Media", "media"],
  ["Energy", "energy"],
  ["Learning", "learning"],
  ["Payments", "pay"],
  ["HR", "hr"],
  ["Commerce", "commerce"],
  ["", ""],
  ["", ""],
  ["", ""],
];

const TLDS = ["com", "com", "com", "io", "io", "co", "ai", "dev", "de", "co.uk"] as const;

export const CRMS = ["Salesforce", "HubSpot", "Dynamics 365", "Pipedrive"] as const;
export const REGIONS = ["EMEA and North America", "the US and APAC", "three US time zones", "DACH and the Nordics"] as const;

export interface DemoCompany {
  name: string;
  domain: string;
  employees: number;
}
/** Unique companies: `usedDomains` is shared across one generation run. */
export function makeCompany(rng: Rng, usedDomains: Set<string>): DemoCompany {
  for (let attempt = 0; ; attempt++) {
    const stem = rng.pick(COMPANY_STEMS);
    const [suffix, suffixSlug] = rng.pick(COMPANY_SUFFIXES);
    const name = suffix ? `${stem} ${suffix}` : stem;
    const base = `${slug(stem)}${suffixSlug}${attempt > 6 ? attempt : ""}`;
    const domain = `${base}.${rng.pick(TLDS)}`;
    if (usedDomains.has(domain)) continue;
    usedDomains.add(domain);
    // Log-uniform-ish size: most prospects are 20-500 people, a tail of large companies.
    const employees = Math.round(Math.exp(rng.between(Math.log(8), Math.log(6000))) / 5) * 5 || 5;
    return { name, domain, employees };
  }
}
