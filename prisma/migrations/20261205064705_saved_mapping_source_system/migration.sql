-- AlterTable
ALTER TABLE "import_mappings" ADD COLUMN     "source_system" TEXT;
