-- CreateEnum
CREATE TYPE "DeliveryChannel" AS ENUM ('in_app', 'email', 'slack', 'webhook');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('queued', 'sent', 'failed', 'skipped');

-- AlterTable
ALTER TABLE "teams" ADD COLUMN     "slack_webhook_url" TEXT;

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "slack_webhook_url" TEXT;

-- AlterTable
ALTER TABLE "leads" ADD COLUMN     "sla_checked_at" TIMESTAMPTZ(3),
ADD COLUMN     "sla_deadline_at" TIMESTAMPTZ(3),
ADD COLUMN     "sla_deadline_kind" TEXT,
ADD COLUMN     "sla_next_alert_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "alert_rules" (
    "priority" "Priority" NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "warn_percents" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "alert_at_breach" BOOLEAN NOT NULL DEFAULT true,
    "escalate_after_minutes" INTEGER,
    "escalate_to_id" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "alert_rules_pkey" PRIMARY KEY ("priority")
);

-- CreateTable
CREATE TABLE "sla_alerts" (
    "id" SERIAL NOT NULL,
    "lead_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "deadline_at" TIMESTAMPTZ(3) NOT NULL,
    "stage" TEXT NOT NULL,
    "recipient_id" INTEGER NOT NULL,
    "fires_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sla_alerts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notifications" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "lead_id" INTEGER,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "read_at" TIMESTAMPTZ(3),

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "deliveries" (
    "id" SERIAL NOT NULL,
    "notification_id" INTEGER,
    "webhook_id" INTEGER,
    "channel" "DeliveryChannel" NOT NULL,
    "target" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "lead_id" INTEGER,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "status" "DeliveryStatus" NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification_preferences" (
    "user_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "channel" "DeliveryChannel" NOT NULL,
    "enabled" BOOLEAN NOT NULL,

    CONSTRAINT "notification_preferences_pkey" PRIMARY KEY ("user_id","kind","channel")
);

-- CreateTable
CREATE TABLE "webhook_endpoints" (
    "id" SERIAL NOT NULL,
    "url" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "secret" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_endpoints_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "sla_alerts_created_at_idx" ON "sla_alerts"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "sla_alerts_lead_id_kind_deadline_at_recipient_id_stage_key" ON "sla_alerts"("lead_id", "kind", "deadline_at", "recipient_id", "stage");

-- CreateIndex
CREATE INDEX "notifications_user_id_created_at_idx" ON "notifications"("user_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "notifications_lead_id_idx" ON "notifications"("lead_id");

-- CreateIndex
CREATE INDEX "deliveries_lead_id_created_at_idx" ON "deliveries"("lead_id", "created_at");

-- CreateIndex
CREATE INDEX "deliveries_created_at_idx" ON "deliveries"("created_at" DESC);

-- CreateIndex
CREATE INDEX "deliveries_webhook_id_created_at_idx" ON "deliveries"("webhook_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "leads_sla_next_alert_at_idx" ON "leads"("sla_next_alert_at");

-- AddForeignKey
ALTER TABLE "alert_rules" ADD CONSTRAINT "alert_rules_escalate_to_id_fkey" FOREIGN KEY ("escalate_to_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sla_alerts" ADD CONSTRAINT "sla_alerts_lead_id_fkey" FOREIGN KEY ("lead_id") REFERENCES "leads"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sla_alerts" ADD CONSTRAINT "sla_alerts_recipient_id_fkey" FOREIGN KEY ("recipient_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_lead_id_fkey" FOREIGN KEY ("lead_id") REFERENCES "leads"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_notification_id_fkey" FOREIGN KEY ("notification_id") REFERENCES "notifications"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_webhook_id_fkey" FOREIGN KEY ("webhook_id") REFERENCES "webhook_endpoints"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Default alert rules (on): warn the person who owes the move at 50 % and 80 % of the SLA, tell the
-- managers at the breach, escalate 30 minutes (p1), 2 hours (p2) or 4 working hours (p3) after it.
INSERT INTO "alert_rules" ("priority", "enabled", "warn_percents", "alert_at_breach", "escalate_after_minutes", "updated_at") VALUES
  ('p1', true, ARRAY[50, 80], true, 30, CURRENT_TIMESTAMP),
  ('p2', true, ARRAY[50, 80], true, 120, CURRENT_TIMESTAMP),
  ('p3', true, ARRAY[80], true, 240, CURRENT_TIMESTAMP);
