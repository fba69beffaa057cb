-- AlterTable
ALTER TABLE "leads" ADD COLUMN     "step_issues" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateIndex
CREATE INDEX "leads_name_id_idx" ON "leads"("name", "id");

-- CreateIndex
CREATE INDEX "leads_company_id_idx" ON "leads"("company", "id");

-- CreateIndex
CREATE INDEX "leads_original_source_id_idx" ON "leads"("original_source", "id");

-- CreateIndex
CREATE INDEX "leads_acceptance_status_id_idx" ON "leads"("acceptance_status", "id");

-- CreateIndex
CREATE INDEX "leads_severity_id_idx" ON "leads"("severity", "id");

-- CreateIndex
CREATE INDEX "leads_owner_assigned_at_id_idx" ON "leads"("owner_assigned_at", "id");

-- CreateIndex
CREATE INDEX "leads_step_issues_idx" ON "leads" USING GIN ("step_issues");
