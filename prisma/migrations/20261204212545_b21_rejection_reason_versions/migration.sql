-- CreateTable
CREATE TABLE "rejection_reason_versions" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "requires_detail" BOOLEAN NOT NULL,
    "valid_until" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "rejection_reason_versions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "rejection_reason_versions_code_valid_until_idx" ON "rejection_reason_versions"("code", "valid_until");
