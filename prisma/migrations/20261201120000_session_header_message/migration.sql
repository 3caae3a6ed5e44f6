-- AlterTable
ALTER TABLE "sessions" ADD COLUMN     "header_message_id" TEXT;
