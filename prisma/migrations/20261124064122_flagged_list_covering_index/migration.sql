-- DropIndex
DROP INDEX "leads_flagged_severity_id_idx";

-- CreateIndex
CREATE INDEX "leads_flagged_list_idx" ON "leads"("flagged", "severity" DESC, "id" DESC, "step_issues", "failure_points");
