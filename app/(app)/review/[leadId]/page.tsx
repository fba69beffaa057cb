import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ReviewLeadHeader } from "@/components/review/review-lead-header";
import { ReviewWorkspace } from "@/components/review/review-workspace";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { tabTitle } from "@/lib/actions/tab-title";
import { boardSearchParams } from "@/lib/review/board-query";
import { findReviewPage } from "@/lib/review/queries";
import { routeId } from "@/lib/actions/route-guard";

type Props = { params: Promise<{ leadId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: { params: Promise<{ leadId: string }> }): Promise<Metadata> {
  const name = await tabTitle("lead", routeId((await params).leadId), "");
  return { title: name ? `${name} · review` : "Review lead" };
}

export default async function ReviewLeadPage({ params, searchParams }: Props) {
  const user = await requirePageUser("review.read");
  const id = routeId((await params).leadId);
  const page = id ? await findReviewPage(id, await searchParams) : null;
  if (!page) notFound();
  return (
    <div className="space-y-4">
      <ReviewLeadHeader
        data={page}
        board={page.board}
        boardParams={boardSearchParams(page.query).toString()}
        canEdit={can(user.role, "review.tag")}
        stamp={page.stamp}
      />
      <ReviewWorkspace data={page} role={user.role} timeZone={page.timeZone} now={page.now} />
    </div>
  );
}
