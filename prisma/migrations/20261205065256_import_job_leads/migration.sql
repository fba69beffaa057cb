-- The leads each import carried. No foreign keys: checking them would lock the job's row for the whole
-- import (cancelling locks it FOR UPDATE and would wait for the end) and every unchanged lead it carried.
-- CreateTable
CREATE TABLE "import_job_leads" (
    "job_id" INTEGER NOT NULL,
    "lead_id" INTEGER NOT NULL,

    CONSTRAINT "import_job_leads_pkey" PRIMARY KEY ("job_id","lead_id")
);
