import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EntityTable } from "@/components/ui/entity-table";
import { ConnectionActionButton } from "@/components/sync/connection-action-button";
import { HubspotConnectForm } from "@/components/sync/hubspot-connect-form";
import { ResyncRecordForm } from "@/components/sync/resync-record-form";
import { SalesforceJwtForm } from "@/components/sync/salesforce-jwt-form";
import { ValueMappingForm } from "@/components/sync/value-mapping-form";
import {
  pauseConnectionAction,
  resumeConnectionAction,
  revokeConnectionAction,
  syncNowAction,
  testConnectionAction,
} from "@/lib/sync/actions";
import type { ConnectionMappingView } from "@/lib/sync/mapping";
import type { ConnectionView, RunView } from "@/lib/sync/queries";
import { formatDateTime, formatDuration } from "@/lib/time";

const RUN_KIND: Record<string, string> = { backfill: "First full sync", incremental: "Incremental sync", record: "Record re-sync" };
const ISSUE_KIND: Record<string, string> = { error: "Error", unmapped_value: "Unmapped value", unknown_owner: "Unknown owner" };

function statusBadge(connection: ConnectionView) {
  if (connection.status === "revoked") return <Badge tone="muted">Revoked</Badge>;
  if (connection.status === "error") return <Badge tone="bad">Needs attention</Badge>;
  if (connection.paused) return <Badge tone="warn">Paused</Badge>;
  return <Badge tone="good">Connected</Badge>;
}

function RunLine({ run, timeZone }: { run: RunView; timeZone: string }) {
  const progress = run.recordsTotal ? Math.min(100, Math.round((run.recordsRead / run.recordsTotal) * 100)) : null;
  return (
    <li className="py-2 text-sm">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <span className="font-medium text-slate-900">{RUN_KIND[run.kind] ?? run.kind}</span>
        <Badge
          tone={run.status === "succeeded" ? "good" : run.status === "running" ? "info" : run.status === "rate_limited" ? "warn" : "bad"}
        >
          {run.status.replace("_", " ")}
        </Badge>
        <span className="text-slate-600">{formatDateTime(run.startedAt, timeZone)}</span>
      </div>
      <p className="mt-1 text-slate-700">
        {run.recordsRead.toLocaleString("en-US")} records read{run.recordsTotal ? ` of ${run.recordsTotal.toLocaleString("en-US")}` : ""} ·{" "}
        {run.leadsChanged.toLocaleString("en-US")} leads changed · {run.eventsWritten.toLocaleString("en-US")} events written
        {run.errorCount ? ` · ${run.errorCount} issues` : ""}
        {run.rate ? ` · ${Math.round(run.rate).toLocaleString("en-US")} records/s` : ""}
        {run.secondsLeft !== null ? ` · about ${formatDuration(run.secondsLeft * 1000)} left` : ""}
      </p>
      {run.status === "running" && progress !== null && (
        <div
          role="progressbar"
          aria-label="Sync progress"
          aria-valuenow={progress}
          aria-valuemin={0}
          aria-valuemax={100}
          className="mt-1 h-1.5 w-full max-w-md rounded bg-slate-200"
        >
          <div className="h-1.5 rounded bg-brand-600" style={{ width: `${progress}%` }} />
        </div>
      )}
      {/* A succeeded run's message is a note (API usage, an object the portal lacks), not an error. */}
      {run.message && <p className={run.status === "succeeded" ? "mt-1 text-slate-600" : "mt-1 text-red-700"}>{run.message}</p>}
    </li>
  );
}

export function ConnectionPanel({
  connection,
  mapping,
  timeZone,
}: {
  connection: ConnectionView;
  mapping: ConnectionMappingView | undefined;
  timeZone: string;
}) {
  const revoked = connection.status === "revoked";
  return (
    <Card
      title={
        <span className="flex flex-wrap items-center gap-2">
          {connection.name} {statusBadge(connection)}
        </span>
      }
      description={`${connection.provider === "hubspot" ? "HubSpot" : "Salesforce"}${connection.accountId ? ` · portal ${connection.accountId}` : ""} · credentials stored encrypted, never shown again`}
    >
      {connection.statusMessage && (
        <p role="alert" className="mb-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {connection.statusMessage}
        </p>
      )}
      <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-xs text-slate-500">First full sync</dt>
          <dd>{connection.backfillDone ? "Done" : "Not finished"}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">Changes read up to</dt>
          <dd>{connection.cursor ? formatDateTime(connection.cursor, timeZone) : "—"}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">Next run</dt>
          <dd>{connection.nextRunAt ? formatDateTime(connection.nextRunAt, timeZone) : connection.paused ? "Paused" : "—"}</dd>
        </div>
      </dl>
      {!revoked && (
        <div className="mt-4 flex flex-wrap items-start gap-3">
          <ConnectionActionButton action={syncNowAction} id={connection.id} label="Sync now" pendingLabel="Queuing…" />
          <ConnectionActionButton action={testConnectionAction} id={connection.id} label="Test connection" pendingLabel="Testing…" />
          {connection.paused ? (
            <ConnectionActionButton action={resumeConnectionAction} id={connection.id} label="Resume" pendingLabel="Resuming…" />
          ) : (
            <ConnectionActionButton action={pauseConnectionAction} id={connection.id} label="Pause" pendingLabel="Pausing…" />
          )}
          <ConnectionActionButton
            action={revokeConnectionAction}
            id={connection.id}
            label="Revoke"
            pendingLabel="Revoking…"
            variant="danger"
          />
        </div>
      )}
      {!revoked && (
        <div className="mt-4">
          <ResyncRecordForm id={connection.id} />
        </div>
      )}
      <h3 className="mt-5 text-sm font-semibold text-slate-900">Recent runs</h3>
      {connection.runs.length ? (
        <ul className="divide-y divide-slate-100">
          {connection.runs.map((run) => (
            <RunLine key={run.id} run={run} timeZone={timeZone} />
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600">No run yet: the first full sync starts within a minute.</p>
      )}
      <h3 className="mt-5 text-sm font-semibold text-slate-900">Records the sync could not take as they are ({connection.issueCount})</h3>
      <EntityTable
        caption="Records the sync could not take as they are"
        className="mt-2"
        rows={connection.issues}
        rowKey={(issue) => `${issue.recordId}-${issue.kind}-${issue.field}-${issue.value}`}
        empty={<p className="text-sm text-slate-600">None.</p>}
        columns={[
          { header: "Record", cell: (issue) => <span className="font-mono text-xs">{issue.recordId}</span> },
          { header: "Problem", cell: (issue) => ISSUE_KIND[issue.kind] ?? issue.kind },
          { header: "Field and value", cell: (issue) => (issue.field ? `${issue.field}: ${issue.value}` : "—") },
          { header: "Reason", cell: (issue) => <span className="text-slate-700">{issue.reason}</span> },
        ]}
      />
      {!revoked && mapping && <ValueMappingForm id={connection.id} rows={mapping.rows} reasonField={mapping.reasonField} />}
      {!revoked && connection.provider === "hubspot" && (
        <details className="mt-5">
          <summary className="cursor-pointer text-sm font-medium text-brand-700">Rotate credentials</summary>
          <div className="mt-3">
            <HubspotConnectForm connectionId={connection.id} />
          </div>
        </details>
      )}
      {!revoked && connection.provider === "salesforce" && (
        <details className="mt-5">
          <summary className="cursor-pointer text-sm font-medium text-brand-700">Rotate credentials (JWT bearer key)</summary>
          <div className="mt-3">
            <SalesforceJwtForm connectionId={connection.id} />
          </div>
        </details>
      )}
    </Card>
  );
}
