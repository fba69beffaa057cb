-- CreateTable
CREATE TABLE "team_calendars" (
    "team_id" INTEGER NOT NULL,
    "holidays" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "version" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "team_calendars_pkey" PRIMARY KEY ("team_id")
);

-- CreateTable
CREATE TABLE "team_calendar_versions" (
    "id" SERIAL NOT NULL,
    "team_id" INTEGER NOT NULL,
    "own_calendar" BOOLEAN NOT NULL,
    "holidays" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "valid_until" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "team_calendar_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "workspace_settings_versions" (
    "id" SERIAL NOT NULL,
    "time_zone" TEXT NOT NULL,
    "workday_start_minute" INTEGER NOT NULL,
    "workday_end_minute" INTEGER NOT NULL,
    "working_days" INTEGER[],
    "duplicate_window_days" INTEGER NOT NULL,
    "stall_window_days" INTEGER NOT NULL,
    "reassignment_warn_count" INTEGER NOT NULL,
    "outcome_window_days" INTEGER NOT NULL,
    "minimum_specific_detail_length" INTEGER NOT NULL,
    "inbound_sources" TEXT[],
    "holidays" TEXT[],
    "valid_until" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "workspace_settings_versions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "team_calendar_versions_team_id_valid_until_idx" ON "team_calendar_versions"("team_id", "valid_until");

-- CreateIndex
CREATE INDEX "workspace_settings_versions_valid_until_idx" ON "workspace_settings_versions"("valid_until");

-- AddForeignKey
ALTER TABLE "team_calendars" ADD CONSTRAINT "team_calendars_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "team_calendar_versions" ADD CONSTRAINT "team_calendar_versions_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;
