import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DecisionPanel } from "@/components/meetings/decision-panel";
import { MeetingControls } from "@/components/meetings/meeting-controls";
import { MeetingFixesList } from "@/components/meetings/meeting-fixes-list";
import { PresenterControls } from "@/components/meetings/presenter-controls";
import { PresenterWorkspace } from "@/components/meetings/presenter-workspace";
import { TallyStrip } from "@/components/meetings/tally-strip";
import { LiveRefresh } from "@/components/review/live-refresh";
import { StickyActionBar } from "@/components/ui/sticky-action-bar";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { tabTitle } from "@/lib/actions/tab-title";
import { findPresenterPage } from "@/lib/meetings/queries";
import { routeId } from "@/lib/actions/route-guard";
import { SIDE_ACTIONS, sideOfRole } from "@/lib/review/sides";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const name = await tabTitle("meeting", routeId((await params).id), "");
  return { title: name ? `${name} · presenter` : "Meeting · presenter" };
}

export default async function PresentPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("review.read");
  const id = routeId((await params).id);
  const page = id ? await findPresenterPage(id) : null;
  if (!page) notFound();
  const { meeting, current, lead } = page;
  const live = meeting.status === "running";
  const ownSide = sideOfRole(user.role) ?? "marketing";
  return (
    <div className="flex min-h-screen flex-col bg-slate-50">
      <PresenterControls
        meetingId={meeting.id}
        meetingTitle={meeting.title}
        itemIds={meeting.items.map((item) => item.id)}
        currentId={current?.id ?? null}
        leadName={current?.lead.name ?? null}
        leadCompany={lead?.lead.company ?? null}
        canNavigate={live && can(user.role, "meetings.manage")}
        noteSide={can(user.role, SIDE_ACTIONS[ownSide]) ? ownSide : null}
        status={<LiveRefresh url={`/api/meetings/${meeting.id}/stamp`} stamp={page.stamp} />}
      >
        <MeetingControls
          id={meeting.id}
          version={meeting.version}
          status={meeting.status}
          canManage={can(user.role, "meetings.manage")}
          presenting
        />
      </PresenterControls>
      <main className="flex-1 space-y-4 px-4 py-4 sm:px-6">
        {!live && (
          <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            {meeting.status === "planned"
              ? "This meeting has not started: start it to present the agenda and record decisions."
              : "This meeting has ended. Decisions can still be corrected; see the summary for the record."}
          </p>
        )}
        {lead ? (
          <PresenterWorkspace
            key={lead.lead.id}
            data={{ ...lead, owners: page.owners, citeableFixes: page.citeableFixes }}
            role={user.role}
            timeZone={page.timeZone}
            now={page.now}
            meetingId={meeting.id}
          />
        ) : (
          <p className="text-sm text-slate-500">The agenda is empty.</p>
        )}
        <div className="grid gap-4 lg:grid-cols-2">
          <TallyStrip tally={page.tally} total={meeting.items.length} />
          <MeetingFixesList fixes={page.meetingFixes} />
        </div>
      </main>
      {current && (
        // Last in the page and stuck to the bottom edge: the decision is on screen wherever the room scrolls.
        <StickyActionBar
          always
          className="mx-0! border-slate-300 px-4 sm:px-6 [&>section]:flex-1 [&>section]:border-0 [&>section]:p-0 [&>section]:shadow-none"
        >
          <DecisionPanel
            key={current.id}
            itemId={current.id}
            version={current.version}
            decision={current.decision}
            note={current.decisionNote}
            decidedBy={current.decidedBy?.name ?? null}
            canDecide={meeting.status !== "planned" && can(user.role, "review.tag")}
            live={meeting.status !== "planned"}
          />
        </StickyActionBar>
      )}
    </div>
  );
}
