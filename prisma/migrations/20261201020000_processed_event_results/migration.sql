-- AlterTable
ALTER TABLE "processed_events" ADD COLUMN     "result" JSONB;
