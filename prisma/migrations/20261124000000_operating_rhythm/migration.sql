-- CreateEnum
CREATE TYPE "RetroPhase" AS ENUM ('GATHERING', 'VOTING', 'PROPOSING', 'START_VOTING', 'ASSIGNING', 'CLOSED');

-- CreateEnum
CREATE TYPE "RetroList" AS ENUM ('GOING_WELL', 'STOP_DOING', 'START_DOING');

-- CreateEnum
CREATE TYPE "ActionStatus" AS ENUM ('OPEN', 'IN_PROGRESS', 'DONE', 'DROPPED');

-- CreateEnum
CREATE TYPE "ActionReminderKind" AS ENUM ('DUE_SOON', 'OVERDUE');

-- CreateEnum
CREATE TYPE "GoalStatus" AS ENUM ('ACTIVE', 'ACHIEVED', 'MISSED', 'DROPPED');

-- CreateEnum
CREATE TYPE "RenewalDecision" AS ENUM ('RENEW', 'REVISE_TERMS', 'EXIT');

-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('HEALTH_DROP', 'PILLAR_AT_RISK', 'PERCEPTION_GAP', 'RENEWAL_REVIEW', 'ACTION_DUE');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "EmailKind" ADD VALUE 'ACTION_REMINDER';
ALTER TYPE "EmailKind" ADD VALUE 'RETRO_SUMMARY';
ALTER TYPE "EmailKind" ADD VALUE 'ALERT';

-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "renewalReviewDays" INTEGER NOT NULL DEFAULT 60;

-- AlterTable
ALTER TABLE "Partnership" ADD COLUMN     "archivedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "Retro" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "partnershipId" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "facilitatorId" TEXT NOT NULL,
    "groundRules" TEXT NOT NULL,
    "phase" "RetroPhase" NOT NULL DEFAULT 'GATHERING',
    "version" INTEGER NOT NULL DEFAULT 1,
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revealedAt" TIMESTAMP(3),
    "votingClosedAt" TIMESTAMP(3),
    "startVotingClosedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "Retro_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RetroItem" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "retroId" TEXT NOT NULL,
    "list" "RetroList" NOT NULL,
    "text" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RetroItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RetroVote" (
    "workspaceId" TEXT NOT NULL,
    "retroId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "list" "RetroList" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RetroVote_pkey" PRIMARY KEY ("workspaceId","itemId","memberId")
);

-- CreateTable
CREATE TABLE "RetroAttendee" (
    "workspaceId" TEXT NOT NULL,
    "retroId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "side" "Side" NOT NULL,
    "joinedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RetroAttendee_pkey" PRIMARY KEY ("workspaceId","retroId","memberId")
);

-- CreateTable
CREATE TABLE "Action" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "partnershipId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "notes" TEXT NOT NULL DEFAULT '',
    "pillarKey" TEXT,
    "ownerMemberId" TEXT,
    "dueDate" TIMESTAMP(3),
    "status" "ActionStatus" NOT NULL DEFAULT 'OPEN',
    "cycleId" TEXT,
    "retroId" TEXT,
    "retroItemId" TEXT,
    "createdById" TEXT NOT NULL,
    "doneAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Action_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActionEvent" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "actionId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "changes" JSONB NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ActionEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActionReminderSent" (
    "workspaceId" TEXT NOT NULL,
    "actionId" TEXT NOT NULL,
    "kind" "ActionReminderKind" NOT NULL,
    "dueDate" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ActionReminderSent_pkey" PRIMARY KEY ("workspaceId","actionId","kind","dueDate")
);

-- CreateTable
CREATE TABLE "Goal" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "partnershipId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "measure" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "startDate" TIMESTAMP(3) NOT NULL,
    "dueDate" TIMESTAMP(3) NOT NULL,
    "hostOwnerId" TEXT,
    "partnerOwnerId" TEXT,
    "status" "GoalStatus" NOT NULL DEFAULT 'ACTIVE',
    "createdById" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Goal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GoalCheckIn" (
    "workspaceId" TEXT NOT NULL,
    "goalId" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "progress" INTEGER NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "memberId" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GoalCheckIn_pkey" PRIMARY KEY ("workspaceId","goalId","cycleId")
);

-- CreateTable
CREATE TABLE "RenewalReview" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "partnershipId" TEXT NOT NULL,
    "renewalDate" TIMESTAMP(3) NOT NULL,
    "previousPhase" "Phase" NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "openedById" TEXT,
    "decision" "RenewalDecision",
    "reasons" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "nextRenewalDate" TIMESTAMP(3),

    CONSTRAINT "RenewalReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PhaseChange" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "partnershipId" TEXT NOT NULL,
    "fromPhase" "Phase" NOT NULL,
    "toPhase" "Phase" NOT NULL,
    "memberId" TEXT,
    "reason" TEXT NOT NULL DEFAULT '',
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PhaseChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "partnershipId" TEXT,
    "cycleId" TEXT,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "link" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Retro_workspaceId_id_key" ON "Retro"("workspaceId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Retro_workspaceId_partnershipId_cycleId_key" ON "Retro"("workspaceId", "partnershipId", "cycleId");

-- CreateIndex
CREATE INDEX "RetroItem_workspaceId_retroId_list_idx" ON "RetroItem"("workspaceId", "retroId", "list");

-- CreateIndex
CREATE UNIQUE INDEX "RetroItem_workspaceId_id_key" ON "RetroItem"("workspaceId", "id");

-- CreateIndex
CREATE INDEX "RetroVote_workspaceId_retroId_memberId_list_idx" ON "RetroVote"("workspaceId", "retroId", "memberId", "list");

-- CreateIndex
CREATE INDEX "Action_workspaceId_partnershipId_status_idx" ON "Action"("workspaceId", "partnershipId", "status");

-- CreateIndex
CREATE INDEX "Action_workspaceId_ownerMemberId_status_idx" ON "Action"("workspaceId", "ownerMemberId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Action_workspaceId_id_key" ON "Action"("workspaceId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Action_workspaceId_retroItemId_key" ON "Action"("workspaceId", "retroItemId");

-- CreateIndex
CREATE INDEX "ActionEvent_workspaceId_actionId_at_idx" ON "ActionEvent"("workspaceId", "actionId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "ActionEvent_workspaceId_id_key" ON "ActionEvent"("workspaceId", "id");

-- CreateIndex
CREATE INDEX "Goal_workspaceId_partnershipId_idx" ON "Goal"("workspaceId", "partnershipId");

-- CreateIndex
CREATE UNIQUE INDEX "Goal_workspaceId_id_key" ON "Goal"("workspaceId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "RenewalReview_workspaceId_id_key" ON "RenewalReview"("workspaceId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "RenewalReview_workspaceId_partnershipId_renewalDate_key" ON "RenewalReview"("workspaceId", "partnershipId", "renewalDate");

-- CreateIndex
CREATE INDEX "PhaseChange_workspaceId_partnershipId_at_idx" ON "PhaseChange"("workspaceId", "partnershipId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "PhaseChange_workspaceId_id_key" ON "PhaseChange"("workspaceId", "id");

-- CreateIndex
CREATE INDEX "Notification_workspaceId_memberId_readAt_createdAt_idx" ON "Notification"("workspaceId", "memberId", "readAt", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_workspaceId_id_key" ON "Notification"("workspaceId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_workspaceId_memberId_dedupeKey_key" ON "Notification"("workspaceId", "memberId", "dedupeKey");

-- AddForeignKey
ALTER TABLE "Retro" ADD CONSTRAINT "Retro_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Retro" ADD CONSTRAINT "Retro_workspaceId_partnershipId_fkey" FOREIGN KEY ("workspaceId", "partnershipId") REFERENCES "Partnership"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Retro" ADD CONSTRAINT "Retro_workspaceId_cycleId_fkey" FOREIGN KEY ("workspaceId", "cycleId") REFERENCES "Cycle"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Retro" ADD CONSTRAINT "Retro_workspaceId_facilitatorId_fkey" FOREIGN KEY ("workspaceId", "facilitatorId") REFERENCES "Member"("workspaceId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RetroItem" ADD CONSTRAINT "RetroItem_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RetroItem" ADD CONSTRAINT "RetroItem_workspaceId_retroId_fkey" FOREIGN KEY ("workspaceId", "retroId") REFERENCES "Retro"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RetroItem" ADD CONSTRAINT "RetroItem_workspaceId_authorId_fkey" FOREIGN KEY ("workspaceId", "authorId") REFERENCES "Member"("workspaceId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RetroVote" ADD CONSTRAINT "RetroVote_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RetroVote" ADD CONSTRAINT "RetroVote_workspaceId_retroId_fkey" FOREIGN KEY ("workspaceId", "retroId") REFERENCES "Retro"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RetroVote" ADD CONSTRAINT "RetroVote_workspaceId_itemId_fkey" FOREIGN KEY ("workspaceId", "itemId") REFERENCES "RetroItem"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RetroVote" ADD CONSTRAINT "RetroVote_workspaceId_memberId_fkey" FOREIGN KEY ("workspaceId", "memberId") REFERENCES "Member"("workspaceId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RetroAttendee" ADD CONSTRAINT "RetroAttendee_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RetroAttendee" ADD CONSTRAINT "RetroAttendee_workspaceId_retroId_fkey" FOREIGN KEY ("workspaceId", "retroId") REFERENCES "Retro"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RetroAttendee" ADD CONSTRAINT "RetroAttendee_workspaceId_memberId_fkey" FOREIGN KEY ("workspaceId", "memberId") REFERENCES "Member"("workspaceId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_workspaceId_partnershipId_fkey" FOREIGN KEY ("workspaceId", "partnershipId") REFERENCES "Partnership"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_workspaceId_ownerMemberId_fkey" FOREIGN KEY ("workspaceId", "ownerMemberId") REFERENCES "Member"("workspaceId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_workspaceId_createdById_fkey" FOREIGN KEY ("workspaceId", "createdById") REFERENCES "Member"("workspaceId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_workspaceId_cycleId_fkey" FOREIGN KEY ("workspaceId", "cycleId") REFERENCES "Cycle"("workspaceId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_workspaceId_retroId_fkey" FOREIGN KEY ("workspaceId", "retroId") REFERENCES "Retro"("workspaceId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_workspaceId_retroItemId_fkey" FOREIGN KEY ("workspaceId", "retroItemId") REFERENCES "RetroItem"("workspaceId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionEvent" ADD CONSTRAINT "ActionEvent_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionEvent" ADD CONSTRAINT "ActionEvent_workspaceId_actionId_fkey" FOREIGN KEY ("workspaceId", "actionId") REFERENCES "Action"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionEvent" ADD CONSTRAINT "ActionEvent_workspaceId_memberId_fkey" FOREIGN KEY ("workspaceId", "memberId") REFERENCES "Member"("workspaceId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionReminderSent" ADD CONSTRAINT "ActionReminderSent_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionReminderSent" ADD CONSTRAINT "ActionReminderSent_workspaceId_actionId_fkey" FOREIGN KEY ("workspaceId", "actionId") REFERENCES "Action"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Goal" ADD CONSTRAINT "Goal_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Goal" ADD CONSTRAINT "Goal_workspaceId_partnershipId_fkey" FOREIGN KEY ("workspaceId", "partnershipId") REFERENCES "Partnership"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Goal" ADD CONSTRAINT "Goal_workspaceId_hostOwnerId_fkey" FOREIGN KEY ("workspaceId", "hostOwnerId") REFERENCES "Member"("workspaceId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Goal" ADD CONSTRAINT "Goal_workspaceId_partnerOwnerId_fkey" FOREIGN KEY ("workspaceId", "partnerOwnerId") REFERENCES "Member"("workspaceId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Goal" ADD CONSTRAINT "Goal_workspaceId_createdById_fkey" FOREIGN KEY ("workspaceId", "createdById") REFERENCES "Member"("workspaceId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GoalCheckIn" ADD CONSTRAINT "GoalCheckIn_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GoalCheckIn" ADD CONSTRAINT "GoalCheckIn_workspaceId_goalId_fkey" FOREIGN KEY ("workspaceId", "goalId") REFERENCES "Goal"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GoalCheckIn" ADD CONSTRAINT "GoalCheckIn_workspaceId_cycleId_fkey" FOREIGN KEY ("workspaceId", "cycleId") REFERENCES "Cycle"("workspaceId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GoalCheckIn" ADD CONSTRAINT "GoalCheckIn_workspaceId_memberId_fkey" FOREIGN KEY ("workspaceId", "memberId") REFERENCES "Member"("workspaceId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RenewalReview" ADD CONSTRAINT "RenewalReview_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RenewalReview" ADD CONSTRAINT "RenewalReview_workspaceId_partnershipId_fkey" FOREIGN KEY ("workspaceId", "partnershipId") REFERENCES "Partnership"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RenewalReview" ADD CONSTRAINT "RenewalReview_workspaceId_openedById_fkey" FOREIGN KEY ("workspaceId", "openedById") REFERENCES "Member"("workspaceId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RenewalReview" ADD CONSTRAINT "RenewalReview_workspaceId_decidedById_fkey" FOREIGN KEY ("workspaceId", "decidedById") REFERENCES "Member"("workspaceId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PhaseChange" ADD CONSTRAINT "PhaseChange_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PhaseChange" ADD CONSTRAINT "PhaseChange_workspaceId_partnershipId_fkey" FOREIGN KEY ("workspaceId", "partnershipId") REFERENCES "Partnership"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PhaseChange" ADD CONSTRAINT "PhaseChange_workspaceId_memberId_fkey" FOREIGN KEY ("workspaceId", "memberId") REFERENCES "Member"("workspaceId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_workspaceId_memberId_fkey" FOREIGN KEY ("workspaceId", "memberId") REFERENCES "Member"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_workspaceId_partnershipId_fkey" FOREIGN KEY ("workspaceId", "partnershipId") REFERENCES "Partnership"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_workspaceId_cycleId_fkey" FOREIGN KEY ("workspaceId", "cycleId") REFERENCES "Cycle"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

