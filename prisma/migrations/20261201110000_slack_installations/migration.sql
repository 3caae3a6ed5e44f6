-- CreateTable
CREATE TABLE "slack_installations" (
    "id" UUID NOT NULL,
    "team_id" TEXT NOT NULL,
    "team_name" TEXT,
    "enterprise_id" TEXT,
    "bot_id" TEXT,
    "bot_user_id" TEXT,
    "encrypted_bot_token" TEXT NOT NULL,
    "installed_by" TEXT,
    "scopes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "slack_installations_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "slack_installations_team_id_key" ON "slack_installations"("team_id");
