-- DropForeignKey
ALTER TABLE "lead_diagnoses" DROP CONSTRAINT "lead_diagnoses_lead_id_fkey";

-- DropTable
DROP TABLE "lead_diagnoses";
