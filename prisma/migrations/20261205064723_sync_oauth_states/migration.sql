-- CreateTable
CREATE TABLE "sync_oauth_states" (
    "state_hash" TEXT NOT NULL,
    "provider" "SyncProvider" NOT NULL,
    "user_id" INTEGER NOT NULL,
    "session_id" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sync_oauth_states_pkey" PRIMARY KEY ("state_hash")
);

-- CreateIndex
CREATE INDEX "sync_oauth_states_expires_at_idx" ON "sync_oauth_states"("expires_at");

-- AddForeignKey
ALTER TABLE "sync_oauth_states" ADD CONSTRAINT "sync_oauth_states_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
