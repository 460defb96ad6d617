-- CreateEnum
CREATE TYPE "ChatPlatform" AS ENUM ('SLACK', 'TEAMS');

-- CreateTable
CREATE TABLE "ChatIntegration" (
    "workspaceId" TEXT NOT NULL,
    "platform" "ChatPlatform" NOT NULL,
    "urlEnc" TEXT NOT NULL,
    "urlHint" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "lastAttemptAt" TIMESTAMP(3),
    "lastSentAt" TIMESTAMP(3),
    "lastStatus" INTEGER,
    "lastError" TEXT,

    CONSTRAINT "ChatIntegration_pkey" PRIMARY KEY ("workspaceId","platform")
);

-- CreateTable
CREATE TABLE "ChatMessage" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "platform" "ChatPlatform" NOT NULL,
    "kind" TEXT NOT NULL,
    "message" JSONB NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "failedAt" TIMESTAMP(3),

    CONSTRAINT "ChatMessage_pkey" PRIMARY KEY ("workspaceId","id")
);

-- CreateIndex
CREATE INDEX "ChatMessage_sentAt_failedAt_idx" ON "ChatMessage"("sentAt", "failedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ChatMessage_workspaceId_platform_dedupeKey_key" ON "ChatMessage"("workspaceId", "platform", "dedupeKey");

-- AddForeignKey
ALTER TABLE "ChatIntegration" ADD CONSTRAINT "ChatIntegration_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "ChatMessage" ADD CONSTRAINT "ChatMessage_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "ChatMessage" ADD CONSTRAINT "ChatMessage_workspaceId_platform_fkey" FOREIGN KEY ("workspaceId", "platform") REFERENCES "ChatIntegration"("workspaceId", "platform") ON DELETE CASCADE ON UPDATE NO ACTION;


-- Row-level security for the new tenant tables, as for every other.
SELECT ph_tenant_isolation();
