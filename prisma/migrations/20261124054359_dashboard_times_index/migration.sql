-- CreateIndex
CREATE INDEX "leads_dashboard_times_idx" ON "leads"("captured_at", "lead_type_id", "priority", "owner_id", "owner_assigned_at", "first_sales_action_at");
