-- CreateTable
CREATE TABLE "import_job_leads" (
    "job_id" INTEGER NOT NULL,
    "lead_id" INTEGER NOT NULL,

    CONSTRAINT "import_job_leads_pkey" PRIMARY KEY ("job_id","lead_id")
);

-- CreateIndex
CREATE INDEX "import_job_leads_lead_id_idx" ON "import_job_leads"("lead_id");

-- AddForeignKey
ALTER TABLE "import_job_leads" ADD CONSTRAINT "import_job_leads_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "import_jobs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_job_leads" ADD CONSTRAINT "import_job_leads_lead_id_fkey" FOREIGN KEY ("lead_id") REFERENCES "leads"("id") ON DELETE CASCADE ON UPDATE CASCADE;
