import { describe, expect, it } from "vitest";
import { actionResult, pageProblem, UserSession, type MixContext, type PlannedRequest } from "./mix.ts";
import { checkWrites, type StoredWrite } from "./verify.ts";
import type { LoadUser } from "./workspace.ts";

const context: MixContext = {
  base: "http://127.0.0.1:4000",
  runId: "abc123",
  actions: { addNote: "40note", accept: "60accept", reject: "60reject", requestInfo: "60info" },
  reasons: ["not_icp", "other"],
  sources: ["webinar", "website"],
  detailLeadIds: [11, 12, 13],
};

const rep: LoadUser = {
  id: 7,
  email: "rep@example.test",
  role: "sales_rep",
  decisionLeads: [
    { id: 101, version: 3, criteria: ["icp_size", "budget"] },
    { id: 102, version: 0, criteria: ["icp_size"] },
  ],
  noteLeads: [101, 102],
};

const marketer: LoadUser = { id: 9, email: "mkt@example.test", role: "marketing", decisionLeads: [], noteLeads: [201, 202, 203] };

function requests(session: UserSession, count: number, acknowledge: (request: PlannedRequest) => boolean = () => true): PlannedRequest[] {
  return Array.from({ length: count }, () => {
    const request = session.next();
    session.settle(request, acknowledge(request));
    return request;
  });
}

const args = (request: PlannedRequest) => JSON.parse(request.body ?? "null") as unknown[];

describe("a load user's requests", () => {
  it("decides only on the user's own leads, each at most once to a final decision, stating the version it moved to", () => {
    const sent = requests(new UserSession(rep, "session=1", context), 400);
    const decisions = sent.filter((request) => request.kind === "decision");
    expect(decisions.length).toBeGreaterThanOrEqual(2);
    const versions = new Map(rep.decisionLeads.map((lead) => [lead.id, lead.version]));
    const closed = new Set<number>();
    for (const request of decisions) {
      const [leadId, input] = args(request) as [number, { version: number }];
      expect(versions.has(leadId)).toBe(true);
      expect(closed.has(leadId)).toBe(false);
      expect(input.version).toBe(versions.get(leadId));
      versions.set(leadId, input.version + 1);
      if (request.write!.kind !== "request_info") closed.add(leadId);
      expect(request.headers["Next-Action"]).toBe(
        { accept: "60accept", reject: "60reject", request_info: "60info" }[request.write!.kind as "accept"],
      );
    }
    // Both leads end decided; afterwards the user keeps reviewing instead.
    expect(closed.size).toBe(2);
    expect(sent.slice(-50).some((request) => request.kind === "decision")).toBe(false);
  });

  it("never decides again on a lead whose decision went unanswered", () => {
    const sent = requests(new UserSession(rep, "session=1", context), 300, () => false);
    const decided = sent.filter((request) => request.kind === "decision").map((request) => args(request)[0]);
    expect(decided.sort()).toEqual([101, 102]);
  });

  it("sends every criterion of the lead type with an accept or a reject", () => {
    const sent = requests(new UserSession(rep, "session=1", context), 400).filter(
      (request) => request.write?.kind === "accept" || request.write?.kind === "reject",
    );
    for (const request of sent) {
      const [leadId, input] = args(request) as [number, { criteria: Record<string, boolean> }];
      expect(Object.keys(input.criteria).sort()).toEqual([...rep.decisionLeads.find((lead) => lead.id === leadId)!.criteria].sort());
    }
  });

  it("lets a marketer write marketing-side notes on their own leads and never decide", () => {
    const sent = requests(new UserSession(marketer, "session=2", context), 300);
    expect(sent.some((request) => request.kind === "decision")).toBe(false);
    const notes = sent.filter((request) => request.kind === "annotation");
    expect(notes.length).toBeGreaterThan(30);
    for (const request of notes) {
      const [note] = args(request) as [{ leadId: number; side: string; body: string }];
      expect(marketer.noteLeads).toContain(note.leadId);
      expect(note.side).toBe("marketing");
      expect(note.body).toContain(`[${request.write!.marker}]`);
      expect(request.path).toBe(`/review/${note.leadId}`);
      expect(request.headers.Origin).toBe(context.base);
    }
  });

  it("marks every write uniquely", () => {
    const markers = requests(new UserSession(rep, "session=1", context), 500).flatMap((request) =>
      request.write ? [request.write.marker] : [],
    );
    expect(new Set(markers).size).toBe(markers.length);
  });

  it("mixes list filters, detail pages and the dashboard, all as the signed-in user", () => {
    const sent = requests(new UserSession(marketer, "session=2", context), 300);
    const lists = sent.filter((request) => request.kind === "lead list").map((request) => new URL(request.path, context.base).searchParams);
    for (const filter of ["source", "flagged", "q", "sort", "page"]) expect(lists.some((params) => params.has(filter))).toBe(true);
    expect(sent.some((request) => request.kind === "lead detail" && /^\/leads\/1[123]$/.test(request.path))).toBe(true);
    expect(sent.some((request) => request.kind === "dashboard")).toBe(true);
    expect(sent.every((request) => request.headers.Cookie === "session=2")).toBe(true);
  });
});

describe("reading a response", () => {
  it("finds a server action's result in its RSC payload", () => {
    const body = '0:{"a":"$@1","f":"","b":"build-1","q":"","i":false}\n1:{"ok":false,"message":"Someone else changed this lead."}\n';
    expect(actionResult(body)).toEqual({ ok: false, message: "Someone else changed this lead." });
    expect(actionResult('0:{"a":"$@1"}\n1:{"ok":true,"data":12,"message":"Note added."}\n')).toEqual({ ok: true, message: "Note added." });
    expect(actionResult("<!DOCTYPE html><html>sign in</html>")).toBeNull();
  });

  it("treats redirects (to sign-in), server errors and the error boundary as failed pages", () => {
    expect(pageProblem(200, "<main>Leads</main>")).toBeNull();
    expect(pageProblem(307, "")).toMatch(/redirect/);
    expect(pageProblem(500, "")).toBe("HTTP 500");
    expect(pageProblem(200, "<h1>This page could not be loaded</h1>")).toMatch(/error boundary/);
  });
});

describe("checking writes", () => {
  const write = (marker: string, kind: "note" | "accept" = "note", leadId = 1, userId = 7) => ({ marker, kind, leadId, userId });
  const stored = (marker: string, kind: StoredWrite["kind"] = "note", leadId = 1, userId = 7): StoredWrite => ({
    marker,
    kind,
    leadId,
    userId,
  });

  it("counts an acknowledged write as found only with its marker, kind, lead and author", () => {
    const check = checkWrites(
      [write("m1"), write("m2"), write("m3", "accept", 5), write("m4")],
      [stored("m1"), stored("m2", "note", 2), stored("m3", "accept", 5), stored("m4", "note", 1, 8)],
    );
    expect(check.found).toBe(2);
    expect(check.lost.map((lost) => lost.marker)).toEqual(["m2", "m4"]);
    expect(check.byKind.accept).toEqual({ acknowledged: 1, found: 1 });
  });

  it("lists writes stored twice and writes stored without an acknowledgment", () => {
    const check = checkWrites([write("m1")], [stored("m1"), stored("m1"), stored("m9")]);
    expect(check.duplicated).toEqual(["m1"]);
    expect(check.unacknowledged).toBe(1);
    expect(check.lost).toEqual([]);
  });
});
