import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { type Actor } from "@/lib/actions/authorize";
import { createActor } from "@/lib/actions/testing";
import { StaleRecordError } from "@/lib/actions/result";
import {
  addAnnotation,
  deleteAnnotation,
  editAnnotation,
  removeFailureTag,
  setFailureTag,
  setReviewStatus,
  setRootCause,
} from "@/lib/review/mutations";
import { findReviewLead, reviewLeadStamp } from "@/lib/review/queries";

// The side-by-side review's writes against a real, freshly migrated database: sides are enforced on the
// server, stale writes are refused with the newer text, and every change lands in audit_logs.

let marketer: Actor;
let otherMarketer: Actor;
let rep: Actor;
let revops: Actor;
let viewer: Actor;
let leadId: number;

async function audits(entityType: string, entityId: number | string) {
  return db.auditLog.findMany({
    where: { entityType, entityId: String(entityId) },
    orderBy: { id: "asc" },
    select: { action: true, actorId: true, before: true, after: true },
  });
}

beforeAll(async () => {
  marketer = await createActor("mia@example.com", "marketing");
  otherMarketer = await createActor("max@example.com", "marketing");
  rep = await createActor("sam@example.com", "sales_rep");
  revops = await createActor("rae@example.com", "revops");
  viewer = await createActor("vic@example.com", "viewer");
  const lead = await db.lead.create({
    data: {
      externalId: "review-1",
      name: "Dana Buyer",
      capturedAt: new Date("2025-05-06T10:00:00Z"),
      originalSource: "webinar",
      flagged: true,
      severity: 60,
      failurePoints: ["slow_timing"],
    },
    select: { id: true },
  });
  leadId = lead.id;
});

describe("annotations by side", () => {
  it("lets each side write its own side and refuses the other side on the server", async () => {
    const marketingNote = await addAnnotation(marketer, { leadId, side: "marketing", body: "The webinar title never reached the CRM." });
    const salesNote = await addAnnotation(rep, { leadId, side: "sales", body: "I called without knowing which webinar." });
    expect(marketingNote).toMatchObject({ side: "marketing", authorId: marketer.id, version: 0 });
    expect(salesNote).toMatchObject({ side: "sales", authorId: rep.id });

    await expect(addAnnotation(rep, { leadId, side: "marketing", body: "Writing on their side" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(addAnnotation(marketer, { leadId, side: "sales", body: "Writing on their side" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(editAnnotation(rep, { id: marketingNote.id, version: 0, body: "Rewritten by sales" })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(deleteAnnotation(rep, { id: marketingNote.id, version: 0 })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(addAnnotation(viewer, { leadId, side: "sales", body: "Just looking" })).rejects.toBeInstanceOf(ForbiddenError);

    const stored = await db.annotation.findMany({ where: { leadId }, select: { side: true, body: true } });
    expect(stored).toHaveLength(2);
    expect(stored.find((note) => note.side === "marketing")?.body).toBe("The webinar title never reached the CRM.");
  });

  it("refuses a stale edit and hands back the newer text", async () => {
    const note = await addAnnotation(marketer, { leadId, side: "marketing", body: "First draft of the context note." });
    const first = await editAnnotation(marketer, { id: note.id, version: 0, body: "Context: the offer was the pricing guide." });
    expect(first.version).toBe(1);

    const stale = await editAnnotation(otherMarketer, { id: note.id, version: 0, body: "Context: it was the webinar." }).catch(
      (error: unknown) => error,
    );
    expect(stale).toBeInstanceOf(StaleRecordError);
    expect((stale as StaleRecordError).latest).toMatchObject({ version: 1, text: "Context: the offer was the pricing guide.", by: "mia" });
    expect((stale as StaleRecordError).message).toContain("Context: the offer was the pricing guide.");
    expect((await db.annotation.findUniqueOrThrow({ where: { id: note.id } })).body).toBe("Context: the offer was the pricing guide.");

    // With the newer version in hand, the second marketer can save deliberately.
    await expect(
      editAnnotation(otherMarketer, { id: note.id, version: 1, body: "Context: pricing guide, then the webinar." }),
    ).resolves.toMatchObject({ version: 2 });
    const removed = await deleteAnnotation(revops, { id: note.id, version: 2 });
    expect(removed.deletedAt).not.toBeNull();
    await expect(editAnnotation(marketer, { id: note.id, version: 3, body: "Too late" })).rejects.toBeInstanceOf(NotFoundError);

    const trail = await audits("annotation", note.id);
    expect(trail.map((row) => row.action)).toEqual([
      "review.annotation.create",
      "review.annotation.update",
      "review.annotation.update",
      "review.annotation.delete",
    ]);
    expect(trail.map((row) => row.actorId)).toEqual([marketer.id, marketer.id, otherMarketer.id, revops.id]);
    expect(trail[1]?.before).toMatchObject({ body: "First draft of the context note." });
    expect(trail[1]?.after).toMatchObject({ body: "Context: the offer was the pricing guide." });
  });
});

describe("failure point tags, review status and root cause", () => {
  it("confirms, adds and overrules failure points, with a reason for 'not a failure'", async () => {
    await expect(setFailureTag(rep, { leadId, failurePoint: "slow_timing", verdict: "not_a_failure" })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(setFailureTag(viewer, { leadId, failurePoint: "slow_timing", verdict: "failure" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      setFailureTag(rep, { leadId, failurePoint: "weak_feedback", verdict: "not_a_failure", note: "Nothing to overrule" }),
    ).rejects.toBeInstanceOf(ValidationError);

    const overruled = await setFailureTag(rep, {
      leadId,
      failurePoint: "slow_timing",
      verdict: "not_a_failure",
      note: "The buyer asked us to call next week.",
    });
    expect(overruled).toMatchObject({ verdict: "not_a_failure", side: "sales", createdById: rep.id, version: 0 });
    const added = await setFailureTag(marketer, {
      leadId,
      failurePoint: "missing_context",
      verdict: "failure",
      note: "Generic first message",
    });
    expect(added).toMatchObject({ verdict: "added", side: "marketing" });

    // The marketer saw no tag on slow_timing (no version) while the rep created one: refused, newer text shown.
    const stale = await setFailureTag(marketer, { leadId, failurePoint: "slow_timing", verdict: "failure" }).catch(
      (error: unknown) => error,
    );
    expect(stale).toBeInstanceOf(StaleRecordError);
    expect((stale as StaleRecordError).latest.text).toBe("Not a failure: The buyer asked us to call next week.");

    const confirmed = await setFailureTag(marketer, { leadId, failurePoint: "slow_timing", verdict: "failure", version: 0 });
    expect(confirmed).toMatchObject({ verdict: "confirmed", version: 1 });
    await expect(removeFailureTag(rep, { leadId, failurePoint: "missing_context", version: 5 })).rejects.toBeInstanceOf(StaleRecordError);
    await removeFailureTag(rep, { leadId, failurePoint: "missing_context", version: 0 });

    const view = await findReviewLead(leadId);
    expect(view?.tags.map((tag) => [tag.failurePoint, tag.verdict])).toEqual([["slow_timing", "confirmed"]]);
    const trail = await db.auditLog.findMany({
      where: { entityType: "lead_failure_tag" },
      orderBy: { id: "asc" },
      select: { action: true },
    });
    expect(trail.map((row) => row.action)).toEqual(["review.tag.create", "review.tag.create", "review.tag.update", "review.tag.delete"]);
  });

  it("keeps one review row per lead with optimistic concurrency and a history", async () => {
    const stampBefore = await reviewLeadStamp(leadId);
    const reviewed = await setReviewStatus(rep, { leadId, status: "reviewed", version: 0 });
    expect(reviewed).toMatchObject({ status: "reviewed", version: 1 });
    expect(await reviewLeadStamp(leadId)).not.toBe(stampBefore);

    const cause = await setRootCause(marketer, { leadId, rootCause: "missing_context", note: "Form drops the webinar id", version: 1 });
    expect(cause).toMatchObject({ rootCause: "missing_context", version: 2 });
    const stale = await setRootCause(rep, { leadId, rootCause: "slow_timing", version: 1 }).catch((error: unknown) => error);
    expect(stale).toBeInstanceOf(StaleRecordError);
    expect((stale as StaleRecordError).latest.text).toContain("Form drops the webinar id");
    await expect(setReviewStatus(viewer, { leadId, status: "skipped", version: 2 })).rejects.toBeInstanceOf(ForbiddenError);

    const trail = await audits("lead_review", leadId);
    expect(trail).toHaveLength(2);
    expect(trail[1]).toMatchObject({ actorId: marketer.id, before: { rootCause: null }, after: { rootCause: "missing_context" } });
  });
});
