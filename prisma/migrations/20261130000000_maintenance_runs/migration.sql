-- CreateTable
CREATE TABLE "maintenance_runs" (
    "name" TEXT NOT NULL,
    "finished_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "details" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "maintenance_runs_pkey" PRIMARY KEY ("name")
);
