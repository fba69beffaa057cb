-- AlterTable
ALTER TABLE "fixes" ADD COLUMN     "target_where" JSONB;
