import type { Metadata } from "next";
import { LeadListView } from "@/components/leads/lead-list-view";
import { SavedViewsMenu } from "@/components/leads/saved-views-menu";
import { BoardHeader } from "@/components/review/board-header";
import { BoardTable } from "@/components/review/board-table";
import { buttonClasses, ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { tableState } from "@/lib/lead-set/query";
import { boardSearchParams, withParams } from "@/lib/review/board-query";
import { findReviewBoard } from "@/lib/review/queries";

export const metadata: Metadata = { title: "Review board" };

export default async function ReviewBoardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("review.read");
  const { query, rows, total, counts, options, calendar } = await findReviewBoard(await searchParams);
  const list = query.list;
  const boardParams = boardSearchParams(query).toString();
  return (
    <>
      <PageHeader
        title="Review board"
        description="Flagged leads to walk through side by side, most severe first. Open one to see marketing's and sales' sides, tag failure points and agree on a fix."
        actions={
          <>
            {/* The saved view drops the page number itself. */}
            <SavedViewsMenu list="review" current={boardParams} userId={user.id} size="md" align="left" />
            {can(user.role, "leads.export") && total > 0 && (
              <a href={withParams("/api/review/csv", boardSearchParams(query))} className={buttonClasses("secondary")} download>
                Export CSV
              </a>
            )}
            {can(user.role, "meetings.manage") && total > 0 && (
              <ButtonLink href={withParams("/meetings/new", boardSearchParams(query, { review: null, page: 1 }))}>
                Plan a meeting from this board
              </ButtonLink>
            )}
          </>
        }
      />
      {/* Keyed by the address: the date inputs show the board's actual period after every change. */}
      <LeadListView query={list} options={options} flagged filtersKey={boardParams}>
        <BoardHeader query={query} calendar={calendar} counts={counts} />
        <BoardTable rows={rows} total={total} {...tableState(list)} timeZone={calendar.timeZone} boardParams={boardParams} />
      </LeadListView>
    </>
  );
}
