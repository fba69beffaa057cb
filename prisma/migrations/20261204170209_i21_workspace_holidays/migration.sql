-- AlterTable
ALTER TABLE "workspace_settings" ADD COLUMN     "holidays" TEXT[] DEFAULT ARRAY[]::TEXT[];
