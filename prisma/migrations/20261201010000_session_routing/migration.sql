-- AlterTable
ALTER TABLE "sessions" ADD COLUMN     "routing" JSONB;
