-- AlterTable
ALTER TABLE "api_tokens" ADD COLUMN     "expires_at" TIMESTAMPTZ(3),
ADD COLUMN     "extra_scopes" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "integration_name" TEXT;
