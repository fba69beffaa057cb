import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SOURCE_SIGNALS } from "@/lib/diagnosis/buyer-feedback";
import { FAILURE_POINTS } from "@/lib/diagnosis/vocabulary";
import {
  REASON_SCORES,
  SIMPLE_SEGMENTS,
  TIME_BUCKET_COUNT,
  formatSegment,
  parseSegment,
  timeBucketLabel,
  timeBucketRange,
  type Segment,
} from "@/lib/lead-set/segments";

const segment: fc.Arbitrary<Segment> = fc.oneof(
  fc.constantFrom(...SIMPLE_SEGMENTS).map((kind) => ({ kind }) as Segment),
  fc.record({
    kind: fc.constant("time_bucket" as const),
    metric: fc.constantFrom("lead_to_owner" as const, "owner_to_first_action" as const),
    bucket: fc.integer({ min: 0, max: TIME_BUCKET_COUNT - 1 }),
  }),
  fc.record({
    kind: fc.constant("rejected_reason" as const),
    code: fc.string({ minLength: 1, maxLength: 40 }).filter((code) => code.trim() !== ""),
  }),
  fc.record({ kind: fc.constant("reason_quality" as const), score: fc.constantFrom(...REASON_SCORES) }),
  fc.record({ kind: fc.constant("failure_point" as const), point: fc.constantFrom(...FAILURE_POINTS) }),
  fc.record({ kind: fc.constant("objection" as const), code: fc.stringMatching(/^[a-z][a-z0-9_]{1,63}$/) }),
  fc.record({ kind: fc.constant("source_signal" as const), signal: fc.constantFrom(...SOURCE_SIGNALS) }),
);

describe("segments in the address", () => {
  it("read back exactly what was written", () => {
    fc.assert(
      fc.property(segment, (value) => {
        expect(parseSegment(formatSegment(value))).toEqual(value);
      }),
    );
  });

  it("ignore anything else", () => {
    for (const text of [
      "",
      "bogus",
      "lead_to_owner_bucket:99",
      "lead_to_owner_bucket:-1",
      "reason_quality:0.7",
      "failure_point:nope",
      "rejected_reason:",
      "rejected_reason:  ",
      "objection:",
      "source_signal:great",
    ]) {
      expect(parseSegment(text)).toBeUndefined();
    }
  });

  it("cut time into contiguous buckets with readable labels", () => {
    expect(timeBucketRange(0)).toEqual([null, 15]);
    for (let bucket = 1; bucket < TIME_BUCKET_COUNT; bucket++) expect(timeBucketRange(bucket)[0]).toBe(timeBucketRange(bucket - 1)[1]);
    expect(timeBucketRange(TIME_BUCKET_COUNT - 1)[1]).toBeNull();
    expect([0, 2, 3, 6].map(timeBucketLabel)).toEqual(["under 15 min", "1 h – 4 h", "4 h – 1 d", "7 d or more"]);
  });
});
