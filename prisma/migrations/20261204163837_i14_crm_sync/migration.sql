-- CreateEnum
CREATE TYPE "SyncProvider" AS ENUM ('hubspot', 'salesforce');

-- CreateEnum
CREATE TYPE "SyncRunKind" AS ENUM ('backfill', 'incremental', 'record');

-- CreateEnum
CREATE TYPE "SyncRunStatus" AS ENUM ('running', 'succeeded', 'failed', 'rate_limited');

-- AlterTable
ALTER TABLE "leads" ADD COLUMN     "crm_merged_into" TEXT,
ADD COLUMN     "crm_removed_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "sync_connections" (
    "id" SERIAL NOT NULL,
    "provider" "SyncProvider" NOT NULL,
    "name" TEXT NOT NULL,
    "credentials" TEXT NOT NULL,
    "base_url" TEXT,
    "account_id" TEXT,
    "status" TEXT NOT NULL DEFAULT 'ok',
    "status_message" TEXT,
    "paused" BOOLEAN NOT NULL DEFAULT false,
    "cursor" TIMESTAMPTZ(3),
    "backfill_after" TEXT,
    "backfill_done_at" TIMESTAMPTZ(3),
    "value_mapping" JSONB NOT NULL DEFAULT '{}',
    "created_by_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sync_connections_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sync_runs" (
    "id" SERIAL NOT NULL,
    "connection_id" INTEGER NOT NULL,
    "kind" "SyncRunKind" NOT NULL,
    "status" "SyncRunStatus" NOT NULL DEFAULT 'running',
    "records_read" INTEGER NOT NULL DEFAULT 0,
    "records_total" INTEGER,
    "leads_changed" INTEGER NOT NULL DEFAULT 0,
    "events_written" INTEGER NOT NULL DEFAULT 0,
    "error_count" INTEGER NOT NULL DEFAULT 0,
    "message" TEXT,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "sync_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sync_issues" (
    "id" SERIAL NOT NULL,
    "connection_id" INTEGER NOT NULL,
    "run_id" INTEGER,
    "record_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "field" TEXT NOT NULL DEFAULT '',
    "value" TEXT NOT NULL DEFAULT '',
    "reason" TEXT NOT NULL,
    "seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sync_issues_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "sync_runs_connection_id_started_at_idx" ON "sync_runs"("connection_id", "started_at" DESC);

-- CreateIndex
CREATE INDEX "sync_issues_connection_id_seen_at_idx" ON "sync_issues"("connection_id", "seen_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "sync_issues_connection_id_record_id_kind_field_value_key" ON "sync_issues"("connection_id", "record_id", "kind", "field", "value");

-- AddForeignKey
ALTER TABLE "sync_runs" ADD CONSTRAINT "sync_runs_connection_id_fkey" FOREIGN KEY ("connection_id") REFERENCES "sync_connections"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sync_issues" ADD CONSTRAINT "sync_issues_connection_id_fkey" FOREIGN KEY ("connection_id") REFERENCES "sync_connections"("id") ON DELETE CASCADE ON UPDATE CASCADE;
