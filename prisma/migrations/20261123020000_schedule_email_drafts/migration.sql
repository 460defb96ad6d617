-- CreateEnum
CREATE TYPE "Cadence" AS ENUM ('MONTHLY', 'QUARTERLY', 'HALF_YEARLY');

-- CreateEnum
CREATE TYPE "ReminderKind" AS ENUM ('OPENED', 'WEEK_IN', 'CLOSING_SOON');

-- CreateEnum
CREATE TYPE "EmailKind" AS ENUM ('INVITATION', 'SURVEY_OPEN', 'REMINDER');

-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "autoSchedule" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "cadence" "Cadence" NOT NULL DEFAULT 'QUARTERLY',
ADD COLUMN     "cycleLengthDays" INTEGER NOT NULL DEFAULT 21,
ADD COLUMN     "cycleOpenDay" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Cycle" ADD COLUMN     "closedAt" TIMESTAMP(3),
ADD COLUMN     "openedAt" TIMESTAMP(3),
ADD COLUMN     "scheduled" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "CycleParticipant" (
    "workspaceId" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "partnershipId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "side" "Side" NOT NULL,
    "excluded" BOOLEAN NOT NULL DEFAULT false,
    "manual" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CycleParticipant_pkey" PRIMARY KEY ("workspaceId","cycleId","partnershipId","memberId")
);

-- CreateTable
CREATE TABLE "ReminderSent" (
    "workspaceId" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "kind" "ReminderKind" NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReminderSent_pkey" PRIMARY KEY ("workspaceId","cycleId","memberId","kind")
);

-- CreateTable
CREATE TABLE "ReminderMute" (
    "workspaceId" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "mutedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReminderMute_pkey" PRIMARY KEY ("workspaceId","cycleId","memberId")
);

-- CreateTable
CREATE TABLE "OutboxEmail" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "kind" "EmailKind" NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "link" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedAt" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,

    CONSTRAINT "OutboxEmail_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ResponseDraft" (
    "workspaceId" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "partnershipId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "answers" JSONB NOT NULL,
    "comments" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ResponseDraft_pkey" PRIMARY KEY ("workspaceId","cycleId","partnershipId","memberId")
);

-- CreateIndex
CREATE INDEX "CycleParticipant_workspaceId_memberId_cycleId_idx" ON "CycleParticipant"("workspaceId", "memberId", "cycleId");

-- CreateIndex
CREATE INDEX "OutboxEmail_workspaceId_createdAt_idx" ON "OutboxEmail"("workspaceId", "createdAt");

-- CreateIndex
CREATE INDEX "OutboxEmail_sentAt_claimedAt_idx" ON "OutboxEmail"("sentAt", "claimedAt");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxEmail_workspaceId_id_key" ON "OutboxEmail"("workspaceId", "id");

-- AddForeignKey
ALTER TABLE "CycleParticipant" ADD CONSTRAINT "CycleParticipant_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CycleParticipant" ADD CONSTRAINT "CycleParticipant_workspaceId_cycleId_fkey" FOREIGN KEY ("workspaceId", "cycleId") REFERENCES "Cycle"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CycleParticipant" ADD CONSTRAINT "CycleParticipant_workspaceId_partnershipId_fkey" FOREIGN KEY ("workspaceId", "partnershipId") REFERENCES "Partnership"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CycleParticipant" ADD CONSTRAINT "CycleParticipant_workspaceId_memberId_fkey" FOREIGN KEY ("workspaceId", "memberId") REFERENCES "Member"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReminderSent" ADD CONSTRAINT "ReminderSent_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReminderSent" ADD CONSTRAINT "ReminderSent_workspaceId_cycleId_fkey" FOREIGN KEY ("workspaceId", "cycleId") REFERENCES "Cycle"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReminderSent" ADD CONSTRAINT "ReminderSent_workspaceId_memberId_fkey" FOREIGN KEY ("workspaceId", "memberId") REFERENCES "Member"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReminderMute" ADD CONSTRAINT "ReminderMute_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReminderMute" ADD CONSTRAINT "ReminderMute_workspaceId_cycleId_fkey" FOREIGN KEY ("workspaceId", "cycleId") REFERENCES "Cycle"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReminderMute" ADD CONSTRAINT "ReminderMute_workspaceId_memberId_fkey" FOREIGN KEY ("workspaceId", "memberId") REFERENCES "Member"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboxEmail" ADD CONSTRAINT "OutboxEmail_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResponseDraft" ADD CONSTRAINT "ResponseDraft_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResponseDraft" ADD CONSTRAINT "ResponseDraft_workspaceId_cycleId_fkey" FOREIGN KEY ("workspaceId", "cycleId") REFERENCES "Cycle"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResponseDraft" ADD CONSTRAINT "ResponseDraft_workspaceId_partnershipId_fkey" FOREIGN KEY ("workspaceId", "partnershipId") REFERENCES "Partnership"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResponseDraft" ADD CONSTRAINT "ResponseDraft_workspaceId_memberId_fkey" FOREIGN KEY ("workspaceId", "memberId") REFERENCES "Member"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Invariants Prisma's schema language cannot state.
ALTER TABLE "Workspace" ADD CONSTRAINT "Workspace_cycleOpenDay_range" CHECK ("cycleOpenDay" BETWEEN 1 AND 28);
ALTER TABLE "Workspace" ADD CONSTRAINT "Workspace_cycleLengthDays_range" CHECK ("cycleLengthDays" BETWEEN 1 AND 90);
ALTER TABLE "ResponseDraft" ADD CONSTRAINT "ResponseDraft_version_positive" CHECK ("version" > 0);

-- Cycles that exist already keep their surveys: their participants are the defaults (owner, host
-- team, the partner organisation's contacts) plus everyone who has answered.
INSERT INTO "CycleParticipant" ("workspaceId", "cycleId", "partnershipId", "memberId", "side")
SELECT c."workspaceId", c."id", p."id", p."ownerMemberId", 'HOST'::"Side"
FROM "Cycle" c
JOIN "Partnership" p ON p."workspaceId" = c."workspaceId" AND p."phase" <> 'EXITED'
JOIN "Member" m ON m."workspaceId" = p."workspaceId" AND m."id" = p."ownerMemberId" AND m."removedAt" IS NULL
UNION
SELECT c."workspaceId", c."id", t."partnershipId", t."memberId", 'HOST'::"Side"
FROM "Cycle" c
JOIN "PartnershipTeamMember" t ON t."workspaceId" = c."workspaceId"
JOIN "Partnership" p ON p."workspaceId" = t."workspaceId" AND p."id" = t."partnershipId" AND p."phase" <> 'EXITED'
JOIN "Member" m ON m."workspaceId" = t."workspaceId" AND m."id" = t."memberId" AND m."removedAt" IS NULL
UNION
SELECT c."workspaceId", c."id", p."id", m."id", 'PARTNER'::"Side"
FROM "Cycle" c
JOIN "Partnership" p ON p."workspaceId" = c."workspaceId" AND p."phase" <> 'EXITED'
JOIN "Member" m ON m."workspaceId" = p."workspaceId" AND m."partnerOrgId" = p."partnerOrgId" AND m."removedAt" IS NULL
UNION
SELECT r."workspaceId", r."cycleId", r."partnershipId", r."memberId", r."side"
FROM "Response" r
ON CONFLICT DO NOTHING;

UPDATE "Cycle" SET "openedAt" = "opensAt" WHERE "status" <> 'DRAFT';
UPDATE "Cycle" SET "closedAt" = "closesAt" WHERE "status" = 'CLOSED';
