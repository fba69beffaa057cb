-- CreateEnum
CREATE TYPE "SourceSignal" AS ENUM ('good_fit', 'wrong_person', 'wrong_company', 'not_a_real_buyer');

-- AlterTable
ALTER TABLE "leads" ADD COLUMN     "objection_code" TEXT,
ADD COLUMN     "objection_detail" TEXT,
ADD COLUMN     "source_signal" "SourceSignal";

-- CreateTable
CREATE TABLE "objections" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "requires_detail" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "objections_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "objections_code_key" ON "objections"("code");

-- The default objections (lib/decisions/buyer-feedback.ts DEFAULT_OBJECTIONS), editable in definitions.
INSERT INTO "objections" ("code", "label", "requires_detail", "sort_order", "updated_at") VALUES
    ('timing', 'Timing: not now', false, 0, now()),
    ('budget', 'Budget', false, 1, now()),
    ('no_authority', 'No authority to buy', false, 2, now()),
    ('no_need', 'No need', false, 3, now()),
    ('using_competitor', 'Using a competitor', false, 4, now()),
    ('status_quo', 'Happy with the status quo', false, 5, now()),
    ('other', 'Other (say what)', true, 6, now())
ON CONFLICT ("code") DO NOTHING;
