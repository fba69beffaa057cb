import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EditFixForm } from "@/components/fixes/edit-fix-form";
import { EvidenceLeads } from "@/components/fixes/evidence-leads";
import { FixStatusBadge } from "@/components/fixes/fix-status-badge";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Card } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { tabTitle } from "@/lib/actions/tab-title";
import { FIX_TYPE_LABELS } from "@/lib/diagnosis/labels";
import { dueDay, findFixPage } from "@/lib/fixes/queries";
import { routeId } from "@/lib/actions/route-guard";
import { formatDateTime } from "@/lib/time";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return { title: await tabTitle("fix", routeId((await params).id), "Fix") };
}

export default async function FixPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("review.read");
  const id = routeId((await params).id);
  const page = id ? await findFixPage(id) : null;
  if (!page) notFound();
  const { fix, timeZone } = page;
  const canEdit = can(user.role, "fixes.propose");
  return (
    <div className="space-y-4">
      <Breadcrumb trail={[{ href: "/fixes", label: "Fixes" }]} current={fix.title} />
      <header>
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="text-xl font-semibold tracking-tight text-slate-900">{fix.title}</h1>
          <FixStatusBadge status={fix.status} />
        </div>
        <p className="text-sm text-slate-600">
          {FIX_TYPE_LABELS[fix.fixType]} · proposed by {fix.createdBy.name} on {formatDateTime(fix.createdAt, timeZone)}
          {fix.meeting && (
            <>
              {" in "}
              <Link href={`/meetings/${fix.meeting.id}`} className="text-brand-700 hover:underline">
                {fix.meeting.title}
              </Link>
            </>
          )}
          {fix.doneAt && ` · done ${formatDateTime(fix.doneAt, timeZone)}`}
          {fix.verifiedAt && ` · verified ${formatDateTime(fix.verifiedAt, timeZone)}`}
        </p>
      </header>
      <div className="grid items-start gap-4 xl:grid-cols-[minmax(0,1fr)_24rem]">
        <Card title="The fix">
          <EditFixForm
            key={fix.version}
            id={fix.id}
            owners={page.owners}
            canEdit={canEdit}
            saved={{
              title: fix.title,
              fixType: fix.fixType,
              description: fix.description,
              failurePoint: fix.failurePoint ?? "",
              expectedMetric: fix.expectedMetric ?? "",
              ownerId: fix.owner ? String(fix.owner.id) : "",
              dueDate: dueDay(fix.dueDate) ?? "",
              status: fix.status,
              version: fix.version,
            }}
          />
        </Card>
        <div className="space-y-4">
          <Card title={`Evidence (${fix.leads.length} lead${fix.leads.length === 1 ? "" : "s"})`}>
            <EvidenceLeads fixId={fix.id} leads={fix.leads.map((row) => row.lead)} canEdit={canEdit} />
          </Card>
          <Card title="History">
            <ol className="space-y-1.5 text-sm">
              {page.history.map((entry) => (
                <li key={entry.id}>
                  <span className="text-slate-900">{entry.summary}</span>
                  <span className="block text-xs text-slate-500">
                    {entry.actor} · {formatDateTime(entry.at, timeZone)}
                  </span>
                </li>
              ))}
            </ol>
          </Card>
        </div>
      </div>
    </div>
  );
}
