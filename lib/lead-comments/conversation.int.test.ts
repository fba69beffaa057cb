import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addComment, setFollowing } from "@/lib/lead-comments/mutations";
import { notifyDecision } from "@/lib/lead-comments/notices";
import { findLeadConversation } from "@/lib/lead-comments/queries";
import { findMentions } from "@/lib/lead-comments/schemas";

// A comment with an @mention notifies the person mentioned; followers hear of comments and decisions on
// the lead they follow; nobody is told of their own comment.

let ana: { id: number; name: string };
let ben: { id: number; name: string };
let cleo: { id: number; name: string };
let leadId: number;

beforeAll(async () => {
  [ana, ben, cleo] = (await db.user.createManyAndReturn({
    data: [
      { name: "Ana Lopez", email: "ana.talk@example.com", role: "marketing" },
      { name: "Ben Ortiz", email: "ben.talk@example.com", role: "sales_rep" },
      { name: "Cleo Ng", email: "cleo.talk@example.com", role: "sales_manager" },
    ],
    select: { id: true, name: true },
  })) as [typeof ana, typeof ben, typeof cleo];
  leadId = (await db.lead.create({ data: { sourceSystem: "talk", externalId: "talk-1", name: "Dana Buyer", capturedAt: new Date() } })).id;
});

const noticesOf = (userId: number) =>
  db.notification.findMany({ where: { userId, leadId }, select: { kind: true, title: true, path: true }, orderBy: { id: "asc" } });

describe("mentions", () => {
  it("finds full names after @, longest first, not names that only start the same", () => {
    const people = [
      { id: 1, name: "Ana" },
      { id: 2, name: "Ana Lopez" },
      { id: 3, name: "Ben" },
    ];
    expect(findMentions("Thanks @ana lopez, see you", people).map((p) => p.id)).toEqual([2, 1]);
    expect(findMentions("cc @Benjamin", people)).toEqual([]);
    expect(findMentions("no mention of Ben here", people)).toEqual([]);
  });
});

describe("comments and following", () => {
  it("notifies the mentioned person, makes the author a follower, and tells followers of later comments", async () => {
    const first = await addComment(ana, { leadId, body: "@Ben Ortiz did they get the pricing sheet?" });
    expect(first.mentioned.map((person) => person.id)).toEqual([ben.id]);
    expect(await noticesOf(ben.id)).toEqual([
      { kind: "mention", title: "Ana Lopez mentioned you on Dana Buyer", path: `/leads/${leadId}` },
    ]);
    expect(await noticesOf(ana.id)).toEqual([]);

    await setFollowing(cleo.id, { leadId, follow: "on" });
    await addComment(ben, { leadId, body: "Yes, sent Tuesday." });
    // Ana follows as the first comment's author, Cleo by choice; Ben wrote it.
    expect((await noticesOf(ana.id)).map((notice) => notice.kind)).toEqual(["followed_lead"]);
    expect((await noticesOf(cleo.id)).map((notice) => [notice.kind, notice.title])).toEqual([
      ["followed_lead", "Ben Ortiz commented on Dana Buyer"],
    ]);
    expect((await noticesOf(ben.id)).map((notice) => notice.kind)).toEqual(["mention"]);

    const conversation = await findLeadConversation(leadId, cleo.id);
    expect(conversation.comments.map((comment) => [comment.author.name, comment.body])).toEqual([
      ["Ana Lopez", "@Ben Ortiz did they get the pricing sheet?"],
      ["Ben Ortiz", "Yes, sent Tuesday."],
    ]);
    expect(conversation).toMatchObject({ following: true, followers: 3 });
  });

  it("stops telling someone who unfollows, refuses an empty comment, and audits both", async () => {
    await setFollowing(cleo.id, { leadId, follow: false });
    await addComment(ana, { leadId, body: "Closing the loop." });
    expect((await noticesOf(cleo.id)).length).toBe(1);
    await expect(addComment(ana, { leadId, body: "   " })).rejects.toMatchObject({ fieldErrors: { body: ["Write the comment."] } });
    await expect(addComment(ana, { leadId: 999_999, body: "Hello" })).rejects.toThrow("That lead");

    const actions = await db.auditLog.findMany({ where: { actorId: cleo.id }, select: { action: true }, orderBy: { id: "asc" } });
    expect(actions.map((entry) => entry.action)).toEqual(["leads.follow", "leads.unfollow"]);
  });

  it("tells followers of a decision on the lead, but not the person who decided", async () => {
    await setFollowing(cleo.id, { leadId, follow: "on" });
    const before = (await noticesOf(cleo.id)).length;
    // What the queue's and the lead page's decision actions call once the decision is written.
    await notifyDecision(leadId, ben, "Accepted Dana Buyer. Next: call on Friday.");
    const notices = await noticesOf(cleo.id);
    expect(notices.slice(before)).toEqual([{ kind: "followed_lead", title: "Ben Ortiz decided on Dana Buyer", path: `/leads/${leadId}` }]);
    expect((await noticesOf(ben.id)).map((notice) => notice.title)).not.toContain("Ben Ortiz decided on Dana Buyer");
  });
});
