-- CreateTable
CREATE TABLE "priority_sla_versions" (
    "id" SERIAL NOT NULL,
    "priority" "Priority" NOT NULL,
    "owner_sla_amount" INTEGER NOT NULL,
    "owner_sla_unit" "SlaUnit" NOT NULL,
    "decision_sla_amount" INTEGER NOT NULL,
    "decision_sla_unit" "SlaUnit" NOT NULL,
    "first_action_sla_amount" INTEGER NOT NULL,
    "first_action_sla_unit" "SlaUnit" NOT NULL,
    "valid_until" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "priority_sla_versions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "priority_sla_versions_priority_valid_until_idx" ON "priority_sla_versions"("priority", "valid_until");
