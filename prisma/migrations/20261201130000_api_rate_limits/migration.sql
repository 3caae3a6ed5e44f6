-- CreateTable
CREATE TABLE "api_rate_limits" (
    "key" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "expire" TIMESTAMPTZ(3),

    CONSTRAINT "api_rate_limits_pkey" PRIMARY KEY ("key")
);
