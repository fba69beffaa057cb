/**
 * Word pools for the demo's buyers: first and last names, job titles, and how a person, their email and
 * phone are made from them. Every buyer gets a unique email (the duplicate-outreach scenario reuses one on
 * purpose, nothing else does). Companies are in demo-companies.ts.
 */
import type { Rng } from "./random.ts";

export const FIRST_NAMES = [
  "Olivia",
  "Liam",
  "Amelia",
  "Noah",
  "Sophia",
  "Ethan",
  "Isabella",
  "Lucas",
  "Mia",
  "Mason",
  "Harper",
  "Elijah",
  "Evelyn",
  "James",
  "Abigail",
  "Benjamin",
  "Emily",
  "Henry",
  "Ella",
  "Sebastian",
  "Avery",
  "Jack",
  "Scarlett",
  "Owen",
  "Grace",
  "Samuel",
  "Chloe",
  "Daniel",
  "Zoe",
  "Matthew",
  "Lily",
  "David",
  "Hannah",
  "Joseph",
  "Nora",
  "Carter",
  "Aaliyah",
  "Wyatt",
  "Priya",
  "Arjun",
  "Mei",
  "Hiroshi",
  "Yuki",
  "Fatima",
  "Omar",
  "Leila",
  "Mateo",
  "Valentina",
  "Diego",
  "Camila",
  "Lars",
  "Ingrid",
  "Anders",
  "Freya",
  "Klaus",
  "Greta",
  "Pierre",
  "Camille",
  "Luca",
  "Giulia",
  "Tomasz",
  "Zofia",
  "Kwame",
  "Amara",
  "Chen",
  "Wei",
  "Sanjay",
  "Ananya",
  "Rachel",
  "Marcus",
  "Nadia",
  "Ibrahim",
  "Tessa",
  "Julian",
  "Rosa",
  "Felix",
  "Maya",
  "Theo",
  "Iris",
  "Rohan",
] as const;

export const LAST_NAMES = [
  "Smith",
  "Johnson",
  "Williams",
  "Brown",
  "Jones",
  "Garcia",
  "Miller",
  "Davis",
  "Rodriguez",
  "Martinez",
  "Hernandez",
  "Lopez",
  "Wilson",
  "Anderson",
  "Thomas",
  "Taylor",
  "Moore",
  "Jackson",
  "Martin",
  "Lee",
  "Thompson",
  "White",
  "Harris",
  "Clark",
  "Lewis",
  "Robinson",
  "Walker",
  "Young",
  "Allen",
  "King",
  "Wright",
  "Scott",
  "Green",
  "Baker",
  "Adams",
  "Nelson",
  "Hill",
  "Campbell",
  "Mitchell",
  "Roberts",
  "Carter",
  "Phillips",
  "Evans",
  "Turner",
  "Nguyen",
  "Kim",
  "Park",
  "Tanaka",
  "Sato",
  "Singh",
  "Sharma",
  "Gupta",
  "Khan",
  "Ali",
  "Haddad",
  "Schmidt",
  "Muller",
  "Schneider",
  "Weber",
  "Becker",
  "Jansen",
  "de Vries",
  "Bakker",
  "Larsen",
  "Nilsson",
  "Berg",
  "Kowalski",
  "Novak",
  "Horvat",
  "Rossi",
  "Bianchi",
  "Moreau",
  "Laurent",
  "Dubois",
  "Silva",
  "Santos",
  "Okafor",
  "Mensah",
  "Abebe",
  "Cohen",
  "Levy",
  "Murphy",
  "Byrne",
  "Walsh",
  "Fraser",
  "Reid",
] as const;

export const FREE_MAIL_DOMAINS = ["gmail.com", "outlook.com", "yahoo.com", "proton.me"] as const;

/** Titles with a rough weight; `decider` feeds narratives (decision_role criterion). */
export const TITLES: ReadonlyArray<readonly [{ title: string; decider: boolean }, number]> = [
  [{ title: "VP Marketing", decider: true }, 6],
  [{ title: "Head of Revenue Operations", decider: true }, 7],
  [{ title: "Revenue Operations Manager", decider: true }, 8],
  [{ title: "Marketing Operations Manager", decider: true }, 8],
  [{ title: "Director of Demand Generation", decider: true }, 6],
  [{ title: "Demand Generation Manager", decider: false }, 6],
  [{ title: "Sales Director", decider: true }, 5],
  [{ title: "SDR Manager", decider: false }, 5],
  [{ title: "Chief Revenue Officer", decider: true }, 3],
  [{ title: "Founder & CEO", decider: true }, 3],
  [{ title: "Salesforce Administrator", decider: false }, 4],
  [{ title: "Growth Marketer", decider: false }, 4],
  [{ title: "Marketing Coordinator", decider: false }, 4],
  [{ title: "Business Development Representative", decider: false }, 3],
  [{ title: "Head of Sales Development", decider: true }, 3],
  [{ title: "Product Marketing Manager", decider: false }, 2],
  [{ title: "Student", decider: false }, 0.6],
];

/** Letters and digits only, lower case: a name as it appears in a domain or an email. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFD")
    .replace(/[^a-z0-9]+/g, "");
}
export interface DemoPerson {
  first: string;
  last: string;
  name: string;
  title: string;
  decider: boolean;
}

export function makePerson(rng: Rng): DemoPerson {
  const first = rng.pick(FIRST_NAMES);
  const last = rng.pick(LAST_NAMES);
  const { title, decider } = rng.weighted(TITLES);
  return { first, last, name: `${first} ${last}`, title, decider };
}

/** first.last@domain (or a variant); unique within `usedEmails`. */
export function makeEmail(rng: Rng, person: DemoPerson, domain: string, usedEmails: Set<string>): string {
  const f = slug(person.first);
  const l = slug(person.last);
  const styles = [`${f}.${l}`, `${f}${l}`, `${f.charAt(0)}${l}`, `${f}`, `${f}.${l.charAt(0)}`];
  const start = rng.int(0, styles.length - 1);
  for (let i = 0; ; i++) {
    const local = i < styles.length ? styles[(start + i) % styles.length] : `${f}.${l}${i}`;
    const email = `${local}@${domain}`;
    if (usedEmails.has(email)) continue;
    usedEmails.add(email);
    return email;
  }
}

/** US/UK style phone numbers from the fictional 555-01xx range. */
export function makePhone(rng: Rng): string {
  return rng.chance(0.75)
    ? `+1 ${rng.pick(["415", "212", "512", "312", "617", "206"])} 555 01${String(rng.int(0, 99)).padStart(2, "0")}`
    : `+44 20 7946 0${String(rng.int(0, 999)).padStart(3, "0")}`;
}
