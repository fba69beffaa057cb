-- AlterTable
ALTER TABLE "leads" ADD COLUMN     "unrecorded_evidence" TEXT[] DEFAULT ARRAY[]::TEXT[];
