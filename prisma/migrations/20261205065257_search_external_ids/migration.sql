-- Lead search finds a lead by its CRM id too (a revops user pastes "00Q5e00000AbCd1" or "5101" from the
-- CRM). Hand-written: Prisma cannot declare generated columns; schema.prisma documents it. PostgreSQL 15
-- cannot change a generated column's expression, so the column (and its trigram index) is rebuilt.
DROP INDEX "leads_search_text_trgm_idx";

ALTER TABLE "leads" DROP COLUMN "search_text";

ALTER TABLE "leads" ADD COLUMN     "search_text" TEXT
  GENERATED ALWAYS AS (lower(coalesce("name", '') || ' ' || coalesce("email", '') || ' ' || coalesce("company", '') || ' ' || coalesce("external_id", ''))) STORED;

CREATE INDEX "leads_search_text_trgm_idx" ON "leads" USING GIN ("search_text" gin_trgm_ops);
