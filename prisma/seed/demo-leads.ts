/**
 * generateDemoWorkspace: the deterministic demo data set, as plain arrays. Pure: no database, no
 * clock (the anchor is "now" for the data), no Math.random. Each lead carries the scenario planted in
 * it (`lead.scenario`), in the exact proportions of SCENARIO_SHARES.
 */
import { pickOffer } from "./demo-catalog.ts";
import { DAY, afterWorking, plus, sampleCaptureTime } from "./demo-clock.ts";
import { MAX_ATTEMPTS, draftLead, must, pickRep, teamOf, type Buyer, type Draft } from "./demo-draft.ts";
import { makeCompany, type DemoCompany } from "./demo-companies.ts";
import { FREE_MAIL_DOMAINS, makeEmail, makePerson } from "./demo-names.ts";
import { DEMO_TEAMS } from "./demo-people.ts";
import { deriveLeadState } from "./demo-timeline.ts";
import type { DemoAccount, DemoEvent, DemoLead, DemoWorkspace } from "./demo-types.ts";
import { planUnits } from "./demo-units.ts";
import { createRng, type Rng } from "./random.ts";

export { scenarioCounts } from "./demo-units.ts";
export { DEMO_SCENARIOS, SCENARIO_SHARES } from "./demo-types.ts";
export type { DemoAccount, DemoEvent, DemoLead, DemoScenario, DemoWorkspace } from "./demo-types.ts";

export interface GenerateDemoOptions {
  seed: number | string;
  /** The data's "now": captures fall in the 12 weeks before it, nothing happens after it. */
  anchor: Date;
  leadCount?: number;
}

export function generateDemoWorkspace({ seed, anchor, leadCount = 2000 }: GenerateDemoOptions): DemoWorkspace {
  if (!Number.isFinite(anchor.getTime())) throw new Error("anchor must be a valid date");
  const rng = createRng(seed);
  const usedDomains = new Set<string>();
  const usedEmails = new Set<string>();
  const drafts: Draft[] = [];

  const newBuyer = (urng: Rng, company: DemoCompany, allowFreeMail: boolean): Buyer => {
    const person = makePerson(urng);
    const freeMail = allowFreeMail && urng.chance(0.08);
    return {
      person,
      company,
      freeMail,
      email: makeEmail(urng, person, freeMail ? urng.pick(FREE_MAIL_DOMAINS) : company.domain, usedEmails),
    };
  };

  planUnits(rng.fork("units"), leadCount).forEach((unit, index) => {
    const urng = rng.fork("unit", index);
    const company = makeCompany(urng, usedDomains);
    const team = teamOf(company);
    if (unit.kind === "single") {
      const buyer = newBuyer(urng, company, true);
      const owner = pickRep(urng, team);
      const own = { team, owner, altOwner: pickRep(urng, team, owner), assignRule: `Round-robin: ${team}` };
      const draft = draftLead(urng.fork("lead"), anchor, unit.scenarios[0], buyer, own, null, null);
      // Free mail only where no criterion asks for a business email (keeps verdicts honest).
      if (buyer.freeMail && draft?.leadType.acceptanceCriteria.some((c) => c.id === "business_email")) {
        buyer.freeMail = false;
        buyer.email = makeEmail(urng, buyer.person, company.domain, usedEmails);
      }
      drafts.push(must(draft, unit.scenarios[0]));
    } else if (unit.kind === "account") {
      const own = { team, owner: pickRep(urng, team), altOwner: null, assignRule: "Account owner rule" };
      unit.scenarios.forEach((scenario, i) => {
        drafts.push(must(draftLead(urng.fork("lead", i), anchor, scenario, newBuyer(urng, company, false), own, null, null), scenario));
      });
    } else {
      const first = newBuyer(urng, company, false);
      const second = unit.sameEmail ? first : newBuyer(urng, company, false);
      const ownerA = pickRep(urng, team);
      const teamB = urng.chance(0.7) ? team : (DEMO_TEAMS.find((t) => t !== team) ?? team);
      const ownerB = pickRep(urng, teamB, ownerA);
      const offerB = unit.sameEmail
        ? pickOffer(urng, "duplicate_outreach", urng.pick(["demo_request", "contact_sales", "pricing_page"]))
        : null;
      let pair: [Draft, Draft] | null = null;
      for (let attempt = 0; attempt < MAX_ATTEMPTS && !pair; attempt++) {
        const prng = urng.fork("pair", attempt);
        const capturedA = sampleCaptureTime(prng, anchor, { workingHoursOnly: true, minAgeMs: (14 + attempt) * DAY });
        const capturedB = afterWorking(plus(capturedA, prng.between(0.5, 9) * DAY), prng.int(0, 60));
        const a = draftLead(
          prng.fork("a"),
          anchor,
          "duplicate_outreach",
          first,
          { team, owner: ownerA, altOwner: null, assignRule: `Round-robin: ${team}` },
          () => capturedA,
          null,
        );
        const b = draftLead(
          prng.fork("b"),
          anchor,
          "duplicate_outreach",
          second,
          { team: teamB, owner: ownerB, altOwner: null, assignRule: `Round-robin: ${teamB}` },
          () => capturedB,
          offerB,
        );
        if (a && b) pair = [a, b];
      }
      drafts.push(...must(pair, "a duplicate-outreach pair"));
    }
  });

  return assemble(seed, anchor, drafts);
}

function assemble(seed: number | string, anchor: Date, drafts: Draft[]): DemoWorkspace {
  const ordered = drafts.map((d, i) => ({ d, i })).sort((x, y) => x.d.capturedAt.getTime() - y.d.capturedAt.getTime() || x.i - y.i);
  const accounts = new Map<string, DemoAccount>();
  const leads: DemoLead[] = [];
  const events: DemoEvent[] = [];
  ordered.forEach(({ d }, index) => {
    const externalId = `DEMO-${String(index + 1).padStart(6, "0")}`;
    const domain = d.buyer.freeMail ? null : d.buyer.company.domain;
    if (domain && !accounts.has(domain)) {
      accounts.set(domain, { domain, name: d.buyer.company.name, employees: d.buyer.company.employees, createdAt: d.capturedAt });
    }
    const state = deriveLeadState(d.happened);
    leads.push({
      externalId,
      scenario: d.scenario,
      name: d.buyer.person.name,
      email: d.buyer.email,
      phone: d.phone,
      company: d.buyer.company.name,
      title: d.fields.title,
      accountDomain: domain,
      capturedAt: d.capturedAt,
      originalSource: d.offer.source,
      sourceDetail: d.offer.sourceDetail,
      campaign: d.offer.campaign,
      offer: d.offer.offer,
      conversionPoint: d.fields.conversionPoint,
      landingPage: d.fields.landingPage,
      buyerMessage: d.fields.buyerMessage,
      leadTypeKey: d.fields.leadTypeKey,
      priority: d.fields.leadTypeKey ? d.leadType.priority : null,
      ...state,
    });
    d.happened.forEach((e, n) => {
      events.push({
        leadExternalId: externalId,
        externalId: `${externalId}-E${String(n + 1).padStart(2, "0")}`,
        type: e.type,
        occurredAt: e.at,
        actorEmail: e.actor,
        actorName: e.actorName,
        channel: e.channel,
        details: e.details,
      });
    });
  });
  const accountList = [...accounts.values()].sort(
    (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.domain < b.domain ? -1 : 1),
  );
  return { seed, anchor, accounts: accountList, leads, events };
}
