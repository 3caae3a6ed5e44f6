-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Platform" AS ENUM ('slack', 'teams', 'api', 'console');

-- CreateEnum
CREATE TYPE "SessionStatus" AS ENUM ('active', 'paused', 'resolved', 'escalated');

-- CreateEnum
CREATE TYPE "StepType" AS ENUM ('message', 'status_update', 'update_reminder', 'resolution', 'escalation', 'pause', 'resume');

-- CreateTable
CREATE TABLE "accounts" (
    "id" UUID NOT NULL,
    "platform" "Platform" NOT NULL,
    "external_id" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "company_name" TEXT NOT NULL DEFAULT '',
    "communication_templates" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "platform_user_id" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "psa_member_id" TEXT,
    "is_admin" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sessions" (
    "id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "engineer_id" UUID,
    "ticket_id" TEXT,
    "ticket_summary" TEXT,
    "client_company" TEXT,
    "client_contact" TEXT,
    "status" "SessionStatus" NOT NULL DEFAULT 'active',
    "resolution_summary" TEXT,
    "escalation_reason" TEXT,
    "conversation_id" TEXT,
    "thread_id" TEXT,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ended_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session_steps" (
    "id" UUID NOT NULL,
    "seq" SERIAL NOT NULL,
    "session_id" UUID NOT NULL,
    "step_type" "StepType" NOT NULL,
    "content" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "session_steps_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "accounts_platform_external_id_key" ON "accounts"("platform", "external_id");

-- CreateIndex
CREATE UNIQUE INDEX "users_account_id_platform_user_id_key" ON "users"("account_id", "platform_user_id");

-- CreateIndex
CREATE INDEX "sessions_account_id_status_idx" ON "sessions"("account_id", "status");

-- CreateIndex
CREATE INDEX "sessions_account_id_conversation_id_thread_id_idx" ON "sessions"("account_id", "conversation_id", "thread_id");

-- CreateIndex
CREATE INDEX "session_steps_session_id_created_at_seq_idx" ON "session_steps"("session_id", "created_at", "seq");

-- CreateIndex
CREATE INDEX "session_steps_step_type_idx" ON "session_steps"("step_type");

-- AddForeignKey
ALTER TABLE "users" ADD CONSTRAINT "users_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_engineer_id_fkey" FOREIGN KEY ("engineer_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session_steps" ADD CONSTRAINT "session_steps_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

