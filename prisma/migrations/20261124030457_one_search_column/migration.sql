-- DropIndex
DROP INDEX "leads_name_trgm_idx";

-- DropIndex
DROP INDEX "leads_email_trgm_idx";

-- DropIndex
DROP INDEX "leads_company_trgm_idx";

-- AlterTable (hand-edited: Prisma cannot declare generated columns; schema.prisma documents it)
ALTER TABLE "leads" ADD COLUMN     "search_text" TEXT
  GENERATED ALWAYS AS (lower(coalesce("name", '') || ' ' || coalesce("email", '') || ' ' || coalesce("company", ''))) STORED;

-- CreateIndex
CREATE INDEX "leads_search_text_trgm_idx" ON "leads" USING GIN ("search_text" gin_trgm_ops);
