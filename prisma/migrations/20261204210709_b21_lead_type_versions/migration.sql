-- CreateTable
CREATE TABLE "lead_type_versions" (
    "id" SERIAL NOT NULL,
    "lead_type_id" INTEGER NOT NULL,
    "intent" "Intent" NOT NULL,
    "priority" "Priority" NOT NULL,
    "acceptance_criteria" JSONB NOT NULL,
    "valid_until" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "lead_type_versions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "lead_type_versions_lead_type_id_valid_until_idx" ON "lead_type_versions"("lead_type_id", "valid_until");

-- AddForeignKey
ALTER TABLE "lead_type_versions" ADD CONSTRAINT "lead_type_versions_lead_type_id_fkey" FOREIGN KEY ("lead_type_id") REFERENCES "lead_types"("id") ON DELETE CASCADE ON UPDATE CASCADE;
