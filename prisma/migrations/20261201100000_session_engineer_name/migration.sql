-- AlterTable
ALTER TABLE "sessions" ADD COLUMN     "engineer_name" TEXT;

-- Backfill: a session started before keeps the name its engineer has now
UPDATE "sessions" AS s
   SET "engineer_name" = NULLIF(u."display_name", '')
  FROM "users" AS u
 WHERE u."id" = s."engineer_id";
