-- CreateTable
CREATE TABLE "processed_events" (
    "account_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "claimed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "processed_events_pkey" PRIMARY KEY ("account_id","key")
);

-- CreateIndex
CREATE INDEX "processed_events_expires_at_idx" ON "processed_events"("expires_at");

-- AddForeignKey
ALTER TABLE "processed_events" ADD CONSTRAINT "processed_events_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
