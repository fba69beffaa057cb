import type { Metadata } from "next";
import { FlaggedFilters } from "@/components/diagnosis/flagged-filters";
import { LeadFilters } from "@/components/leads/lead-filters";
import { BoardHeader } from "@/components/review/board-header";
import { BoardTable } from "@/components/review/board-table";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { filterBarValues } from "@/lib/lead-set/query";
import { boardSearchParams, withParams } from "@/lib/review/board-query";
import { findReviewBoard } from "@/lib/review/queries";

export const metadata: Metadata = { title: "Review board" };

export default async function ReviewBoardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("review.read");
  const { query, rows, total, counts, options, calendar } = await findReviewBoard(await searchParams);
  const list = query.list;
  const step = list.steps[0];
  const boardParams = boardSearchParams(query).toString();
  return (
    <>
      <PageHeader
        title="Review board"
        description="Flagged leads to walk through side by side, most severe first. Open one to see marketing's and sales' sides, tag failure points and agree on a fix."
        actions={
          can(user.role, "meetings.manage") && total > 0 ? (
            <ButtonLink href={withParams("/meetings/new", boardSearchParams(query, { review: null, page: 1 }))}>Plan a meeting from this board</ButtonLink>
          ) : undefined
        }
      />
      {/* Keyed by the address: the date inputs show the board's actual period after every change. */}
      <LeadFilters
        key={boardParams}
        options={options}
        current={filterBarValues(list)}
      >
        <FlaggedFilters failurePoint={list.failurePoints[0]} step={step ? `${step.step}:${step.status}` : undefined} />
      </LeadFilters>
      <BoardHeader query={query} calendar={calendar} counts={counts} />
      <BoardTable
        rows={rows}
        total={total}
        page={list.page}
        pageSize={list.pageSize}
        sort={{ id: list.sort, desc: list.direction === "desc" }}
        hiddenColumns={list.hiddenColumns}
        timeZone={calendar.timeZone}
        boardParams={boardParams}
      />
    </>
  );
}
