import { FAILURE_POINTS, type FailurePoint } from "@/lib/diagnosis/vocabulary";
import type { DimensionFilter } from "@/lib/lead-set/dimensions";

// Where a failure concentrates: a group of leads (one value of a dimension, or a pair of values) in which a
// failure point occurs markedly more often than in the period's other leads. Pure: the counts come from
// lib/report/queries.ts, so the rules below are tested on their own.
//
// How "large enough to mean something" is decided, in three tests a group must pass for a failure point:
// 1. size: at least MIN_GROUP_LEADS leads and MIN_GROUP_FAILURES failing ones, so no finding rests on a
//    handful of leads however extreme their rate;
// 2. effect: a lift (the group's failure rate over the period's) of at least MIN_LIFT;
// 3. chance: the group fails more often than the rest of the period by more than chance explains: an
//    exact one-sided binomial test against the rest's rate, at a family-wise 5 % (Bonferroni over every
//    group large enough to test, times every failure point), so a period whose failures are spread
//    evenly yields no finding however many groups it has.

export const MIN_GROUP_LEADS = 20;
export const MIN_GROUP_FAILURES = 10;
export const MIN_LIFT = 1.5;
export const FAMILY_ALPHA = 0.05;
/** A pair of dimensions is reported only when it concentrates the failure more than each of its halves alone. */
export const PAIR_LIFT_GAIN = 1.2;

export type FailureCounts = Record<FailurePoint, number>;

export interface GroupCounts {
  /** One value of one dimension, or two values of two. */
  where: DimensionFilter[];
  leads: number;
  failing: FailureCounts;
  /** Of the leads failing unclear_owner, how many through duplicate outreach (worked twice). */
  duplicateOutreach: number;
}

export interface PeriodCounts {
  leads: number;
  failing: FailureCounts;
}

export interface Concentration {
  failurePoint: FailurePoint;
  where: DimensionFilter[];
  /** Leads of the group, and how many of them fail the failure point. */
  leads: number;
  failing: number;
  rate: number;
  /** The failure point's rate over the whole period. */
  periodRate: number;
  lift: number;
  /** The failing leads beyond what the period's rate predicts for a group this size. */
  excess: number;
  /** Share of the period's failures of this kind that fall in the group. */
  shareOfFailures: number;
  /** The chance of a group this size failing this often if it failed like the rest of the period. */
  pValue: number;
  duplicateOutreach: number;
}

function logChoose(n: number, k: number): number {
  return logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);
}

/** ln Γ(x) by Lanczos (g = 7, 9 terms): exact to about 15 digits for the counts used here. */
function logGamma(x: number): number {
  const g = [
    0.9999999999998099, 676.5203681218851, -1259.1392167224028, 771.3234287776531, -176.6150291621406, 12.507343278686905,
    -0.13857109526572012, 9.984369578019572e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = g[0]!;
  for (let i = 1; i < 9; i++) sum += g[i]! / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/**
 * P(X >= k) for X ~ Binomial(n, p): the chance of at least this many failures in a group this size if
 * it failed like the rest of the period. Exact (summed in log space from k up, until the terms vanish),
 * because the normal approximation overstates significance for the small counts of a group.
 */
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  const logP = Math.log(p);
  const logQ = Math.log(1 - p);
  let total = 0;
  for (let i = k; i <= n; i++) {
    const term = Math.exp(logChoose(n, i) + i * logP + (n - i) * logQ);
    total += term;
    if (i > n * p && term < total * 1e-15) break;
  }
  return Math.min(1, total);
}

function key(where: DimensionFilter[]): string {
  return where.map((filter) => `${filter.dimension}=${filter.value ?? ""}`).join("&");
}

/** Every significant concentration, most concentrated first (lift, then failing count). */
export function findConcentrations(
  period: PeriodCounts,
  groups: readonly GroupCounts[],
  failurePoints: readonly FailurePoint[] = FAILURE_POINTS,
): Concentration[] {
  const candidates: Concentration[] = [];
  let tests = 0;
  for (const failurePoint of failurePoints) {
    const periodFailing = period.failing[failurePoint];
    if (period.leads === 0 || periodFailing === 0) continue;
    const periodRate = periodFailing / period.leads;
    for (const group of groups) {
      if (group.leads < MIN_GROUP_LEADS || group.leads >= period.leads) continue;
      // Counted before looking at the group's failures: the correction covers every test that could be made.
      tests += 1;
      const failing = group.failing[failurePoint];
      if (failing < MIN_GROUP_FAILURES) continue;
      const rate = failing / group.leads;
      const restRate = (periodFailing - failing) / (period.leads - group.leads);
      candidates.push({
        failurePoint,
        where: group.where,
        leads: group.leads,
        failing,
        rate,
        periodRate,
        lift: rate / periodRate,
        excess: failing - group.leads * periodRate,
        shareOfFailures: failing / periodFailing,
        pValue: binomialUpperTail(failing, group.leads, restRate),
        duplicateOutreach: failurePoint === "unclear_owner" ? group.duplicateOutreach : 0,
      });
    }
  }
  const threshold = FAMILY_ALPHA / Math.max(1, tests);
  const significant = candidates.filter((candidate) => candidate.lift >= MIN_LIFT && candidate.pValue <= threshold);

  const singles = new Map(
    significant
      .filter((finding) => finding.where.length === 1)
      .map((finding) => [`${finding.failurePoint}|${key(finding.where)}`, finding]),
  );
  const kept = significant.filter((finding) => {
    if (finding.where.length === 1) return true;
    // A pair says more than its halves only when it concentrates the failure further than each of them.
    return finding.where.every((half) => {
      const single = singles.get(`${finding.failurePoint}|${key([half])}`);
      return !single || finding.lift >= single.lift * PAIR_LIFT_GAIN;
    });
  });
  return kept.sort((a, b) => b.lift - a.lift || b.failing - a.failing || key(a.where).localeCompare(key(b.where)));
}

export function emptyFailureCounts(): FailureCounts {
  return Object.fromEntries(FAILURE_POINTS.map((point) => [point, 0])) as FailureCounts;
}

/**
 * Drops a finding that only restates a broader one: same failure point, every value of it inside a value
 * of the other (e.g. "captured on Sunday" inside "captured outside working hours" when Sunday is not a
 * working day), and not markedly more concentrated (less than PAIR_LIFT_GAIN times its lift). When the
 * two hold exactly the same leads, the broader one goes instead: the narrower names them better.
 */
export function dropRestatements(
  findings: readonly Concentration[],
  within: (inner: DimensionFilter, outer: DimensionFilter) => boolean,
): Concentration[] {
  const same = (a: DimensionFilter, b: DimensionFilter) => a.dimension === b.dimension && a.value === b.value;
  const inside = (inner: Concentration, outer: Concentration) =>
    inner !== outer &&
    inner.failurePoint === outer.failurePoint &&
    inner.where.length === outer.where.length &&
    inner.where.every((part) => outer.where.some((other) => same(part, other) || within(part, other))) &&
    !inner.where.every((part) => outer.where.some((other) => same(part, other)));
  // The same leads under two names ("no owner" and "no team"): the narrower name says what they are.
  const sameLeads = (a: Concentration, b: Concentration) => a.leads === b.leads && a.failing === b.failing;
  const kept = findings.filter(
    (finding) =>
      !findings.some((outer) => inside(finding, outer) && !sameLeads(finding, outer) && finding.lift < outer.lift * PAIR_LIFT_GAIN),
  );
  return kept.filter((outer) => !kept.some((inner) => inside(inner, outer) && sameLeads(inner, outer)));
}
