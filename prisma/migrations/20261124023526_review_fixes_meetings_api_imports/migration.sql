-- CreateEnum
CREATE TYPE "ReviewStatus" AS ENUM ('to_review', 'reviewed', 'skipped');

-- CreateEnum
CREATE TYPE "ReviewSide" AS ENUM ('marketing', 'sales');

-- CreateEnum
CREATE TYPE "TagVerdict" AS ENUM ('confirmed', 'added', 'not_a_failure');

-- CreateEnum
CREATE TYPE "FixType" AS ENUM ('field_mapping', 'routing_rule', 'owner_rule', 'acceptance_standard', 'note_structure', 'feedback_cadence');

-- CreateEnum
CREATE TYPE "FixStatus" AS ENUM ('open', 'in_progress', 'done', 'verified');

-- CreateEnum
CREATE TYPE "MeetingStatus" AS ENUM ('planned', 'running', 'ended');

-- CreateEnum
CREATE TYPE "MeetingDecision" AS ENUM ('confirmed_failure', 'not_a_failure', 'needs_more_data');

-- CreateEnum
CREATE TYPE "InfoRequestStatus" AS ENUM ('open', 'answered');

-- CreateEnum
CREATE TYPE "TokenScope" AS ENUM ('read', 'write');

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('uploaded', 'mapped', 'validated', 'queued', 'running', 'succeeded', 'failed', 'cancelled');

-- CreateEnum
CREATE TYPE "ImportMode" AS ENUM ('all_or_nothing', 'valid_rows');

-- AlterTable
ALTER TABLE "leads" ADD COLUMN     "recycle_suggested" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "info_requests" (
    "id" SERIAL NOT NULL,
    "lead_id" INTEGER NOT NULL,
    "question" TEXT NOT NULL,
    "status" "InfoRequestStatus" NOT NULL DEFAULT 'open',
    "asked_by_id" INTEGER NOT NULL,
    "asked_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answer" TEXT,
    "answered_by_id" INTEGER,
    "answered_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "info_requests_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lead_reviews" (
    "lead_id" INTEGER NOT NULL,
    "status" "ReviewStatus" NOT NULL DEFAULT 'to_review',
    "root_cause" "FailurePoint",
    "root_cause_note" TEXT,
    "updated_by_id" INTEGER,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "lead_reviews_pkey" PRIMARY KEY ("lead_id")
);

-- CreateTable
CREATE TABLE "annotations" (
    "id" SERIAL NOT NULL,
    "lead_id" INTEGER NOT NULL,
    "side" "ReviewSide" NOT NULL,
    "body" TEXT NOT NULL,
    "author_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "deleted_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "annotations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lead_failure_tags" (
    "id" SERIAL NOT NULL,
    "lead_id" INTEGER NOT NULL,
    "failure_point" "FailurePoint" NOT NULL,
    "verdict" "TagVerdict" NOT NULL,
    "note" TEXT,
    "side" "ReviewSide",
    "created_by_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "lead_failure_tags_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "fixes" (
    "id" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "fix_type" "FixType" NOT NULL,
    "description" TEXT NOT NULL,
    "failure_point" "FailurePoint",
    "expected_metric" TEXT,
    "status" "FixStatus" NOT NULL DEFAULT 'open',
    "owner_id" INTEGER,
    "due_date" DATE,
    "done_at" TIMESTAMPTZ(3),
    "verified_at" TIMESTAMPTZ(3),
    "meeting_id" INTEGER,
    "created_by_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "fixes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "fix_leads" (
    "fix_id" INTEGER NOT NULL,
    "lead_id" INTEGER NOT NULL,

    CONSTRAINT "fix_leads_pkey" PRIMARY KEY ("fix_id","lead_id")
);

-- CreateTable
CREATE TABLE "meetings" (
    "id" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "scheduled_for" TIMESTAMPTZ(3) NOT NULL,
    "status" "MeetingStatus" NOT NULL DEFAULT 'planned',
    "current_item_id" INTEGER,
    "created_by_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ended_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "meetings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "meeting_attendees" (
    "meeting_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,

    CONSTRAINT "meeting_attendees_pkey" PRIMARY KEY ("meeting_id","user_id")
);

-- CreateTable
CREATE TABLE "meeting_items" (
    "id" SERIAL NOT NULL,
    "meeting_id" INTEGER NOT NULL,
    "lead_id" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "decision" "MeetingDecision",
    "decision_note" TEXT,
    "decided_by_id" INTEGER,
    "decided_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "meeting_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_tokens" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "scope" "TokenScope" NOT NULL,
    "created_by_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "idempotent_requests" (
    "key" TEXT NOT NULL,
    "token_id" INTEGER NOT NULL,
    "request_hash" TEXT NOT NULL,
    "response_status" INTEGER NOT NULL,
    "response_body" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "idempotent_requests_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "import_mappings" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "preset" TEXT NOT NULL,
    "columns" JSONB NOT NULL,
    "values" JSONB NOT NULL DEFAULT '{}',
    "created_by_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "import_mappings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "import_jobs" (
    "id" SERIAL NOT NULL,
    "status" "ImportStatus" NOT NULL DEFAULT 'uploaded',
    "mode" "ImportMode" NOT NULL DEFAULT 'valid_rows',
    "preset" TEXT,
    "source_system" TEXT NOT NULL,
    "settings" JSONB NOT NULL DEFAULT '{}',
    "mapping" JSONB NOT NULL DEFAULT '{}',
    "summary" JSONB NOT NULL DEFAULT '{}',
    "rows_total" INTEGER NOT NULL DEFAULT 0,
    "rows_done" INTEGER NOT NULL DEFAULT 0,
    "rows_created" INTEGER NOT NULL DEFAULT 0,
    "rows_updated" INTEGER NOT NULL DEFAULT 0,
    "rows_skipped" INTEGER NOT NULL DEFAULT 0,
    "rows_failed" INTEGER NOT NULL DEFAULT 0,
    "cancel_requested" BOOLEAN NOT NULL DEFAULT false,
    "error" TEXT,
    "created_by_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "import_jobs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "import_files" (
    "id" SERIAL NOT NULL,
    "job_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "encoding" TEXT,
    "size" INTEGER NOT NULL,

    CONSTRAINT "import_files_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "import_issues" (
    "id" SERIAL NOT NULL,
    "job_id" INTEGER NOT NULL,
    "file_id" INTEGER,
    "row" INTEGER NOT NULL,
    "column" TEXT,
    "value" TEXT,
    "message" TEXT NOT NULL,
    "severity" TEXT NOT NULL DEFAULT 'error',

    CONSTRAINT "import_issues_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "info_requests_status_asked_at_idx" ON "info_requests"("status", "asked_at");

-- CreateIndex
CREATE INDEX "info_requests_lead_id_idx" ON "info_requests"("lead_id");

-- CreateIndex
CREATE INDEX "lead_reviews_status_idx" ON "lead_reviews"("status");

-- CreateIndex
CREATE INDEX "annotations_lead_id_created_at_idx" ON "annotations"("lead_id", "created_at");

-- CreateIndex
CREATE INDEX "lead_failure_tags_failure_point_verdict_idx" ON "lead_failure_tags"("failure_point", "verdict");

-- CreateIndex
CREATE UNIQUE INDEX "lead_failure_tags_lead_id_failure_point_key" ON "lead_failure_tags"("lead_id", "failure_point");

-- CreateIndex
CREATE INDEX "fixes_status_due_date_idx" ON "fixes"("status", "due_date");

-- CreateIndex
CREATE INDEX "fixes_done_at_idx" ON "fixes"("done_at");

-- CreateIndex
CREATE INDEX "fix_leads_lead_id_idx" ON "fix_leads"("lead_id");

-- CreateIndex
CREATE INDEX "meetings_scheduled_for_idx" ON "meetings"("scheduled_for");

-- CreateIndex
CREATE INDEX "meeting_items_meeting_id_position_idx" ON "meeting_items"("meeting_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "meeting_items_meeting_id_lead_id_key" ON "meeting_items"("meeting_id", "lead_id");

-- CreateIndex
CREATE UNIQUE INDEX "api_tokens_token_hash_key" ON "api_tokens"("token_hash");

-- CreateIndex
CREATE INDEX "idempotent_requests_created_at_idx" ON "idempotent_requests"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "import_mappings_name_key" ON "import_mappings"("name");

-- CreateIndex
CREATE INDEX "import_jobs_status_created_at_idx" ON "import_jobs"("status", "created_at");

-- CreateIndex
CREATE INDEX "import_files_job_id_idx" ON "import_files"("job_id");

-- CreateIndex
CREATE INDEX "import_issues_job_id_row_idx" ON "import_issues"("job_id", "row");

-- AddForeignKey
ALTER TABLE "info_requests" ADD CONSTRAINT "info_requests_lead_id_fkey" FOREIGN KEY ("lead_id") REFERENCES "leads"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "info_requests" ADD CONSTRAINT "info_requests_asked_by_id_fkey" FOREIGN KEY ("asked_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "info_requests" ADD CONSTRAINT "info_requests_answered_by_id_fkey" FOREIGN KEY ("answered_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lead_reviews" ADD CONSTRAINT "lead_reviews_lead_id_fkey" FOREIGN KEY ("lead_id") REFERENCES "leads"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lead_reviews" ADD CONSTRAINT "lead_reviews_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "annotations" ADD CONSTRAINT "annotations_lead_id_fkey" FOREIGN KEY ("lead_id") REFERENCES "leads"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "annotations" ADD CONSTRAINT "annotations_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lead_failure_tags" ADD CONSTRAINT "lead_failure_tags_lead_id_fkey" FOREIGN KEY ("lead_id") REFERENCES "leads"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lead_failure_tags" ADD CONSTRAINT "lead_failure_tags_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "fixes" ADD CONSTRAINT "fixes_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "fixes" ADD CONSTRAINT "fixes_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "fixes" ADD CONSTRAINT "fixes_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "fix_leads" ADD CONSTRAINT "fix_leads_fix_id_fkey" FOREIGN KEY ("fix_id") REFERENCES "fixes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "fix_leads" ADD CONSTRAINT "fix_leads_lead_id_fkey" FOREIGN KEY ("lead_id") REFERENCES "leads"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_attendees" ADD CONSTRAINT "meeting_attendees_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_attendees" ADD CONSTRAINT "meeting_attendees_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_items" ADD CONSTRAINT "meeting_items_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_items" ADD CONSTRAINT "meeting_items_lead_id_fkey" FOREIGN KEY ("lead_id") REFERENCES "leads"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_items" ADD CONSTRAINT "meeting_items_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_mappings" ADD CONSTRAINT "import_mappings_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_files" ADD CONSTRAINT "import_files_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "import_jobs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_issues" ADD CONSTRAINT "import_issues_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "import_jobs"("id") ON DELETE CASCADE ON UPDATE CASCADE;
