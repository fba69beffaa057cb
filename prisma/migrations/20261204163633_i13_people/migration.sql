-- AlterTable
ALTER TABLE "users" ALTER COLUMN "email" DROP NOT NULL,
ALTER COLUMN "password_hash" DROP NOT NULL;

-- CreateTable
CREATE TABLE "person_identities" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "source_system" TEXT NOT NULL,
    "external_id" TEXT,
    "email" TEXT,
    "name" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "person_identities_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "person_identities_user_id_idx" ON "person_identities"("user_id");

-- CreateIndex
CREATE INDEX "person_identities_source_system_name_idx" ON "person_identities"("source_system", "name");

-- CreateIndex
CREATE UNIQUE INDEX "person_identities_source_system_external_id_key" ON "person_identities"("source_system", "external_id");

-- AddForeignKey
ALTER TABLE "person_identities" ADD CONSTRAINT "person_identities_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
