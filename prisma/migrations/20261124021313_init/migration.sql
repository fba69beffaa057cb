-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('admin', 'revops', 'marketing', 'sales_rep', 'sales_manager', 'viewer');

-- CreateEnum
CREATE TYPE "Priority" AS ENUM ('p1', 'p2', 'p3');

-- CreateEnum
CREATE TYPE "Intent" AS ENUM ('high', 'medium', 'low');

-- CreateEnum
CREATE TYPE "SlaUnit" AS ENUM ('minutes', 'hours', 'business_days');

-- CreateEnum
CREATE TYPE "AcceptanceStatus" AS ENUM ('pending', 'accepted', 'rejected', 'info_requested');

-- CreateEnum
CREATE TYPE "LeadOutcome" AS ENUM ('open', 'qualified', 'disqualified', 'opportunity', 'won', 'lost', 'recycled');

-- CreateEnum
CREATE TYPE "EventType" AS ENUM ('captured', 'routed', 'assigned', 'reassigned', 'accepted', 'rejected', 'info_requested', 'info_provided', 'contacted', 'meeting_booked', 'next_action_set', 'qualified', 'disqualified', 'opportunity_created', 'won', 'lost', 'recycled', 'note');

-- CreateEnum
CREATE TYPE "Channel" AS ENUM ('call', 'email', 'meeting', 'social', 'other');

-- CreateEnum
CREATE TYPE "DiagnosisStep" AS ENUM ('capture', 'routing', 'acceptance', 'first_action', 'qualification', 'outcome');

-- CreateEnum
CREATE TYPE "StepStatus" AS ENUM ('pass', 'warn', 'fail', 'pending', 'not_applicable');

-- CreateEnum
CREATE TYPE "FailurePoint" AS ENUM ('missing_context', 'unclear_owner', 'slow_timing', 'vague_acceptance', 'missing_next_step', 'weak_feedback');

-- CreateTable
CREATE TABLE "teams" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "teams_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "team_id" INTEGER,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "session_version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "accounts" (
    "id" SERIAL NOT NULL,
    "domain" TEXT NOT NULL,
    "name" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lead_types" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "intent" "Intent" NOT NULL,
    "priority" "Priority" NOT NULL,
    "acceptance_criteria" JSONB NOT NULL DEFAULT '[]',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "lead_types_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "priority_slas" (
    "priority" "Priority" NOT NULL,
    "owner_sla_amount" INTEGER NOT NULL,
    "owner_sla_unit" "SlaUnit" NOT NULL,
    "decision_sla_amount" INTEGER NOT NULL,
    "decision_sla_unit" "SlaUnit" NOT NULL,
    "first_action_sla_amount" INTEGER NOT NULL,
    "first_action_sla_unit" "SlaUnit" NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "priority_slas_pkey" PRIMARY KEY ("priority")
);

-- CreateTable
CREATE TABLE "rejection_reasons" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "detail_prompt" TEXT,
    "requires_detail" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "rejection_reasons_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "workspace_settings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "time_zone" TEXT NOT NULL DEFAULT 'UTC',
    "workday_start_minute" INTEGER NOT NULL DEFAULT 540,
    "workday_end_minute" INTEGER NOT NULL DEFAULT 1020,
    "working_days" INTEGER[] DEFAULT ARRAY[1, 2, 3, 4, 5]::INTEGER[],
    "week_starts_on" INTEGER NOT NULL DEFAULT 1,
    "duplicate_window_days" INTEGER NOT NULL DEFAULT 14,
    "stall_window_days" INTEGER NOT NULL DEFAULT 7,
    "reassignment_warn_count" INTEGER NOT NULL DEFAULT 2,
    "outcome_window_days" INTEGER NOT NULL DEFAULT 30,
    "minimum_specific_detail_length" INTEGER NOT NULL DEFAULT 12,
    "inbound_sources" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "version" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "workspace_settings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "leads" (
    "id" SERIAL NOT NULL,
    "source_system" TEXT NOT NULL DEFAULT 'baton',
    "external_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "company" TEXT,
    "title" TEXT,
    "account_id" INTEGER,
    "account_domain" TEXT,
    "captured_at" TIMESTAMPTZ(3) NOT NULL,
    "original_source" TEXT,
    "source_detail" TEXT,
    "campaign" TEXT,
    "offer" TEXT,
    "conversion_point" TEXT,
    "landing_page" TEXT,
    "buyer_message" TEXT,
    "lead_type_id" INTEGER,
    "priority" "Priority",
    "owner_id" INTEGER,
    "queue" TEXT,
    "owner_assigned_at" TIMESTAMPTZ(3),
    "first_sales_action_at" TIMESTAMPTZ(3),
    "acceptance_status" "AcceptanceStatus" NOT NULL DEFAULT 'pending',
    "decided_at" TIMESTAMPTZ(3),
    "decided_by_id" INTEGER,
    "rejection_reason_code" TEXT,
    "rejection_detail" TEXT,
    "next_action" TEXT,
    "next_action_due_at" TIMESTAMPTZ(3),
    "outcome" "LeadOutcome" NOT NULL DEFAULT 'open',
    "outcome_at" TIMESTAMPTZ(3),
    "flagged" BOOLEAN NOT NULL DEFAULT false,
    "severity" INTEGER NOT NULL DEFAULT 0,
    "first_broken_step" "DiagnosisStep",
    "failure_points" "FailurePoint"[] DEFAULT ARRAY[]::"FailurePoint"[],
    "step_capture" "StepStatus",
    "step_routing" "StepStatus",
    "step_acceptance" "StepStatus",
    "step_first_action" "StepStatus",
    "step_qualification" "StepStatus",
    "step_outcome" "StepStatus",
    "diagnosed_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "leads_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lead_diagnoses" (
    "lead_id" INTEGER NOT NULL,
    "result" JSONB NOT NULL,
    "computed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "lead_diagnoses_pkey" PRIMARY KEY ("lead_id")
);

-- CreateTable
CREATE TABLE "handoff_events" (
    "id" SERIAL NOT NULL,
    "lead_id" INTEGER NOT NULL,
    "type" "EventType" NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "actor_id" INTEGER,
    "actor_name" TEXT,
    "channel" "Channel",
    "details" JSONB NOT NULL DEFAULT '{}',
    "source_system" TEXT NOT NULL DEFAULT 'baton',
    "external_id" TEXT,
    "idempotency_key" TEXT,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "handoff_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_logs" (
    "id" SERIAL NOT NULL,
    "actor_id" INTEGER,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_logs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sign_in_attempts" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "succeeded" BOOLEAN NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sign_in_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "teams_name_key" ON "teams"("name");

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE INDEX "users_team_id_idx" ON "users"("team_id");

-- CreateIndex
CREATE UNIQUE INDEX "accounts_domain_key" ON "accounts"("domain");

-- CreateIndex
CREATE UNIQUE INDEX "lead_types_key_key" ON "lead_types"("key");

-- CreateIndex
CREATE UNIQUE INDEX "rejection_reasons_code_key" ON "rejection_reasons"("code");

-- CreateIndex
CREATE INDEX "leads_captured_at_id_idx" ON "leads"("captured_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "leads_original_source_captured_at_idx" ON "leads"("original_source", "captured_at" DESC);

-- CreateIndex
CREATE INDEX "leads_lead_type_id_captured_at_idx" ON "leads"("lead_type_id", "captured_at" DESC);

-- CreateIndex
CREATE INDEX "leads_owner_id_captured_at_idx" ON "leads"("owner_id", "captured_at" DESC);

-- CreateIndex
CREATE INDEX "leads_acceptance_status_captured_at_idx" ON "leads"("acceptance_status", "captured_at" DESC);

-- CreateIndex
CREATE INDEX "leads_flagged_severity_id_idx" ON "leads"("flagged", "severity" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "leads_failure_points_idx" ON "leads" USING GIN ("failure_points");

-- CreateIndex
CREATE INDEX "leads_account_domain_idx" ON "leads"("account_domain");

-- CreateIndex
CREATE INDEX "leads_email_idx" ON "leads"("email");

-- CreateIndex
CREATE INDEX "leads_name_trgm_idx" ON "leads" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "leads_email_trgm_idx" ON "leads" USING GIN ("email" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "leads_company_trgm_idx" ON "leads" USING GIN ("company" gin_trgm_ops);

-- CreateIndex
CREATE UNIQUE INDEX "leads_source_system_external_id_key" ON "leads"("source_system", "external_id");

-- CreateIndex
CREATE UNIQUE INDEX "handoff_events_idempotency_key_key" ON "handoff_events"("idempotency_key");

-- CreateIndex
CREATE INDEX "handoff_events_lead_id_occurred_at_idx" ON "handoff_events"("lead_id", "occurred_at");

-- CreateIndex
CREATE INDEX "handoff_events_type_occurred_at_idx" ON "handoff_events"("type", "occurred_at");

-- CreateIndex
CREATE UNIQUE INDEX "handoff_events_source_system_external_id_key" ON "handoff_events"("source_system", "external_id");

-- CreateIndex
CREATE INDEX "audit_logs_entity_type_entity_id_idx" ON "audit_logs"("entity_type", "entity_id");

-- CreateIndex
CREATE INDEX "audit_logs_at_idx" ON "audit_logs"("at");

-- CreateIndex
CREATE INDEX "audit_logs_actor_id_at_idx" ON "audit_logs"("actor_id", "at");

-- CreateIndex
CREATE INDEX "sign_in_attempts_email_at_idx" ON "sign_in_attempts"("email", "at");

-- CreateIndex
CREATE INDEX "sign_in_attempts_ip_at_idx" ON "sign_in_attempts"("ip", "at");

-- AddForeignKey
ALTER TABLE "users" ADD CONSTRAINT "users_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "leads" ADD CONSTRAINT "leads_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "leads" ADD CONSTRAINT "leads_lead_type_id_fkey" FOREIGN KEY ("lead_type_id") REFERENCES "lead_types"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "leads" ADD CONSTRAINT "leads_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "leads" ADD CONSTRAINT "leads_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lead_diagnoses" ADD CONSTRAINT "lead_diagnoses_lead_id_fkey" FOREIGN KEY ("lead_id") REFERENCES "leads"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "handoff_events" ADD CONSTRAINT "handoff_events_lead_id_fkey" FOREIGN KEY ("lead_id") REFERENCES "leads"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "handoff_events" ADD CONSTRAINT "handoff_events_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_logs" ADD CONSTRAINT "audit_logs_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
