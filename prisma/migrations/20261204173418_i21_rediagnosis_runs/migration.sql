-- CreateTable
CREATE TABLE "rediagnosis_runs" (
    "id" SERIAL NOT NULL,
    "reason" TEXT NOT NULL,
    "requested_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    "total" INTEGER,
    "done" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "rediagnosis_runs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "rediagnosis_runs_requested_at_idx" ON "rediagnosis_runs"("requested_at");
