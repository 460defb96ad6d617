-- Every primary key and unique key of a tenant table includes "workspaceId", so the tenant tables
-- can be distributed by workspace (Citus) without redesign (docs/scale-out.md).
--
-- 1. The foreign keys between tenant tables already name ("workspaceId", id); they are dropped
--    first (they depend on the unique indexes being replaced) and created again at the end,
--    now ON UPDATE NO ACTION: Citus refuses ON UPDATE CASCADE on a foreign key that includes the
--    distribution column, and no id or workspaceId is ever changed.
-- 2. Tables with their own id: the primary key becomes ("workspaceId", id), replacing the
--    now redundant unique key on the same columns.
-- 3. Token hashes (Invitation, SurveyLink): unique within the workspace, plus a plain index for
--    the lookup by token, which happens before there is a workspace. Tokens are 256 random bits:
--    two workspaces never share a hash.
-- 4. Account-level audit events (no workspace) move to a global table of their own,
--    "AccountAuditEvent", append-only like "AuditEvent", whose "workspaceId" becomes NOT NULL:
--    a distributed table cannot hold rows without a value in its distribution column.
--
-- Generated with prisma migrate diff; the order of step 4 and its data move are written by hand.

-- DropForeignKey
ALTER TABLE "Member" DROP CONSTRAINT "Member_workspaceId_fkey";

-- DropForeignKey
ALTER TABLE "Member" DROP CONSTRAINT "Member_workspaceId_partnerOrgId_fkey";

-- DropForeignKey
ALTER TABLE "Invitation" DROP CONSTRAINT "Invitation_workspaceId_fkey";

-- DropForeignKey
ALTER TABLE "Invitation" DROP CONSTRAINT "Invitation_workspaceId_partnerOrgId_fkey";

-- DropForeignKey
ALTER TABLE "Invitation" DROP CONSTRAINT "Invitation_workspaceId_invitedById_fkey";

-- DropForeignKey
ALTER TABLE "PartnerOrg" DROP CONSTRAINT "PartnerOrg_workspaceId_fkey";

-- DropForeignKey
ALTER TABLE "Partnership" DROP CONSTRAINT "Partnership_workspaceId_fkey";

-- DropForeignKey
ALTER TABLE "Partnership" DROP CONSTRAINT "Partnership_workspaceId_partnerOrgId_fkey";

-- DropForeignKey
ALTER TABLE "Partnership" DROP CONSTRAINT "Partnership_workspaceId_ownerMemberId_fkey";

-- DropForeignKey
ALTER TABLE "PartnershipTeamMember" DROP CONSTRAINT "PartnershipTeamMember_workspaceId_fkey";

-- DropForeignKey
ALTER TABLE "PartnershipTeamMember" DROP CONSTRAINT "PartnershipTeamMember_workspaceId_partnershipId_fkey";

-- DropForeignKey
ALTER TABLE "PartnershipTeamMember" DROP CONSTRAINT "PartnershipTeamMember_workspaceId_memberId_fkey";

-- DropForeignKey
ALTER TABLE "FrameworkVersion" DROP CONSTRAINT "FrameworkVersion_workspaceId_fkey";

-- DropForeignKey
ALTER TABLE "Pillar" DROP CONSTRAINT "Pillar_workspaceId_fkey";

-- DropForeignKey
ALTER TABLE "Pillar" DROP CONSTRAINT "Pillar_workspaceId_versionId_fkey";

-- DropForeignKey
ALTER TABLE "Statement" DROP CONSTRAINT "Statement_workspaceId_fkey";

-- DropForeignKey
ALTER TABLE "Statement" DROP CONSTRAINT "Statement_workspaceId_versionId_fkey";

-- DropForeignKey
ALTER TABLE "Statement" DROP CONSTRAINT "Statement_workspaceId_pillarId_fkey";

-- DropForeignKey
ALTER TABLE "Cycle" DROP CONSTRAINT "Cycle_workspaceId_fkey";

-- DropForeignKey
ALTER TABLE "Cycle" DROP CONSTRAINT "Cycle_workspaceId_frameworkVersionId_fkey";

-- DropForeignKey
ALTER TABLE "Response" DROP CONSTRAINT "Response_workspaceId_fkey";

-- DropForeignKey
ALTER TABLE "Response" DROP CONSTRAINT "Response_workspaceId_cycleId_fkey";

-- DropForeignKey
ALTER TABLE "Response" DROP CONSTRAINT "Response_workspaceId_partnershipId_fkey";

-- DropForeignKey
ALTER TABLE "Response" DROP CONSTRAINT "Response_workspaceId_memberId_fkey";

-- DropForeignKey
ALTER TABLE "Answer" DROP CONSTRAINT "Answer_workspaceId_fkey";

-- DropForeignKey
ALTER TABLE "Answer" DROP CONSTRAINT "Answer_workspaceId_responseId_fkey";

-- DropForeignKey
ALTER TABLE "Answer" DROP CONSTRAINT "Answer_workspaceId_statementId_fkey";

-- DropForeignKey
ALTER TABLE "ResponsePillarScore" DROP CONSTRAINT "ResponsePillarScore_workspaceId_fkey";

-- DropForeignKey
ALTER TABLE "ResponsePillarScore" DROP CONSTRAINT "ResponsePillarScore_workspaceId_responseId_fkey";

-- DropForeignKey
ALTER TABLE "ResponsePillarScore" DROP CONSTRAINT "ResponsePillarScore_workspaceId_pillarId_fkey";

-- DropForeignKey
ALTER TABLE "PillarComment" DROP CONSTRAINT "PillarComment_workspaceId_fkey";

-- DropForeignKey
ALTER TABLE "PillarComment" DROP CONSTRAINT "PillarComment_workspaceId_responseId_fkey";

-- DropForeignKey
ALTER TABLE "PillarComment" DROP CONSTRAINT "PillarComment_workspaceId_pillarId_fkey";

-- DropForeignKey
ALTER TABLE "CycleParticipant" DROP CONSTRAINT "CycleParticipant_workspaceId_fkey";

-- DropForeignKey
ALTER TABLE "CycleParticipant" DROP CONSTRAINT "CycleParticipant_workspaceId_cycleId_fkey";

-- DropForeignKey
ALTER TABLE "CycleParticipant" DROP CONSTRAINT "CycleParticipant_workspaceId_partnershipId_fkey";

-- DropForeignKey
ALTER TABLE "CycleParticipant" DROP CONSTRAINT "CycleParticipant_workspaceId_memberId_fkey";

-- DropForeignKey
ALTER TABLE "ReminderSent" DROP CONSTRAINT "ReminderSent_workspaceId_fkey";

-- DropForeignKey
ALTER TABLE "ReminderSent" DROP CONSTRAINT "ReminderSent_workspaceId_cycleId_fkey";

-- DropForeignKey
ALTER TABLE "ReminderSent" DROP CONSTRAINT "ReminderSent_workspaceId_memberId_fkey";

-- DropForeignKey
ALTER TABLE "ReminderMute" DROP CONSTRAINT "ReminderMute_workspaceId_fkey";

-- DropForeignKey
ALTER TABLE "ReminderMute" DROP CONSTRAINT "ReminderMute_workspaceId_cycleId_fkey";

-- DropForeignKey
ALTER TABLE "ReminderMute" DROP CONSTRAINT "ReminderMute_workspaceId_memberId_fkey";

-- DropForeignKey
ALTER TABLE "OutboxEmail" DROP CONSTRAINT "OutboxEmail_workspaceId_fkey";

-- DropForeignKey
ALTER TABLE "OutboxEmail" DROP CONSTRAINT "OutboxEmail_workspaceId_recipientMemberId_fkey";

-- DropForeignKey
ALTER TABLE "OutboxEmailPartnership" DROP CONSTRAINT "OutboxEmailPartnership_workspaceId_fkey";

-- DropForeignKey
ALTER TABLE "OutboxEmailPartnership" DROP CONSTRAINT "OutboxEmailPartnership_workspaceId_emailId_fkey";

-- DropForeignKey
ALTER TABLE "OutboxEmailPartnership" DROP CONSTRAINT "OutboxEmailPartnership_workspaceId_partnershipId_fkey";

-- DropForeignKey
ALTER TABLE "ResponseDraft" DROP CONSTRAINT "ResponseDraft_workspaceId_fkey";

-- DropForeignKey
ALTER TABLE "ResponseDraft" DROP CONSTRAINT "ResponseDraft_workspaceId_cycleId_fkey";

-- DropForeignKey
ALTER TABLE "ResponseDraft" DROP CONSTRAINT "ResponseDraft_workspaceId_partnershipId_fkey";

-- DropForeignKey
ALTER TABLE "ResponseDraft" DROP CONSTRAINT "ResponseDraft_workspaceId_memberId_fkey";

-- DropForeignKey
ALTER TABLE "PartnershipCycleScore" DROP CONSTRAINT "PartnershipCycleScore_workspaceId_fkey";

-- DropForeignKey
ALTER TABLE "PartnershipCycleScore" DROP CONSTRAINT "PartnershipCycleScore_workspaceId_partnershipId_fkey";

-- DropForeignKey
ALTER TABLE "PartnershipCycleScore" DROP CONSTRAINT "PartnershipCycleScore_workspaceId_cycleId_fkey";

-- DropForeignKey
ALTER TABLE "PillarCycleScore" DROP CONSTRAINT "PillarCycleScore_workspaceId_fkey";

-- DropForeignKey
ALTER TABLE "PillarCycleScore" DROP CONSTRAINT "PillarCycleScore_workspaceId_partnershipId_fkey";

-- DropForeignKey
ALTER TABLE "PillarCycleScore" DROP CONSTRAINT "PillarCycleScore_workspaceId_cycleId_fkey";

-- DropForeignKey
ALTER TABLE "PillarCycleScore" DROP CONSTRAINT "PillarCycleScore_workspaceId_pillarId_fkey";

-- DropForeignKey
ALTER TABLE "StatementCycleScore" DROP CONSTRAINT "StatementCycleScore_workspaceId_fkey";

-- DropForeignKey
ALTER TABLE "StatementCycleScore" DROP CONSTRAINT "StatementCycleScore_workspaceId_partnershipId_fkey";

-- DropForeignKey
ALTER TABLE "StatementCycleScore" DROP CONSTRAINT "StatementCycleScore_workspaceId_cycleId_fkey";

-- DropForeignKey
ALTER TABLE "StatementCycleScore" DROP CONSTRAINT "StatementCycleScore_workspaceId_statementId_fkey";

-- DropForeignKey
ALTER TABLE "Retro" DROP CONSTRAINT "Retro_workspaceId_fkey";

-- DropForeignKey
ALTER TABLE "Retro" DROP CONSTRAINT "Retro_workspaceId_partnershipId_fkey";

-- DropForeignKey
ALTER TABLE "Retro" DROP CONSTRAINT "Retro_workspaceId_cycleId_fkey";

-- DropForeignKey
ALTER TABLE "Retro" DROP CONSTRAINT "Retro_workspaceId_facilitatorId_fkey";

-- DropForeignKey
ALTER TABLE "RetroItem" DROP CONSTRAINT "RetroItem_workspaceId_fkey";

-- DropForeignKey
ALTER TABLE "RetroItem" DROP CONSTRAINT "RetroItem_workspaceId_retroId_fkey";

-- DropForeignKey
ALTER TABLE "RetroItem" DROP CONSTRAINT "RetroItem_workspaceId_authorId_fkey";

-- DropForeignKey
ALTER TABLE "RetroVote" DROP CONSTRAINT "RetroVote_workspaceId_fkey";

-- DropForeignKey
ALTER TABLE "RetroVote" DROP CONSTRAINT "RetroVote_workspaceId_retroId_fkey";

-- DropForeignKey
ALTER TABLE "RetroVote" DROP CONSTRAINT "RetroVote_workspaceId_itemId_fkey";

-- DropForeignKey
ALTER TABLE "RetroVote" DROP CONSTRAINT "RetroVote_workspaceId_memberId_fkey";

-- DropForeignKey
ALTER TABLE "RetroAttendee" DROP CONSTRAINT "RetroAttendee_workspaceId_fkey";

-- DropForeignKey
ALTER TABLE "RetroAttendee" DROP CONSTRAINT "RetroAttendee_workspaceId_retroId_fkey";

-- DropForeignKey
ALTER TABLE "RetroAttendee" DROP CONSTRAINT "RetroAttendee_workspaceId_memberId_fkey";

-- DropForeignKey
ALTER TABLE "Action" DROP CONSTRAINT "Action_workspaceId_fkey";

-- DropForeignKey
ALTER TABLE "Action" DROP CONSTRAINT "Action_workspaceId_partnershipId_fkey";

-- DropForeignKey
ALTER TABLE "Action" DROP CONSTRAINT "Action_workspaceId_ownerMemberId_fkey";

-- DropForeignKey
ALTER TABLE "Action" DROP CONSTRAINT "Action_workspaceId_createdById_fkey";

-- DropForeignKey
ALTER TABLE "Action" DROP CONSTRAINT "Action_workspaceId_cycleId_fkey";

-- DropForeignKey
ALTER TABLE "Action" DROP CONSTRAINT "Action_workspaceId_retroId_fkey";

-- DropForeignKey
ALTER TABLE "Action" DROP CONSTRAINT "Action_workspaceId_retroItemId_fkey";

-- DropForeignKey
ALTER TABLE "ActionEvent" DROP CONSTRAINT "ActionEvent_workspaceId_fkey";

-- DropForeignKey
ALTER TABLE "ActionEvent" DROP CONSTRAINT "ActionEvent_workspaceId_actionId_fkey";

-- DropForeignKey
ALTER TABLE "ActionEvent" DROP CONSTRAINT "ActionEvent_workspaceId_memberId_fkey";

-- DropForeignKey
ALTER TABLE "ActionReminderSent" DROP CONSTRAINT "ActionReminderSent_workspaceId_fkey";

-- DropForeignKey
ALTER TABLE "ActionReminderSent" DROP CONSTRAINT "ActionReminderSent_workspaceId_actionId_fkey";

-- DropForeignKey
ALTER TABLE "Goal" DROP CONSTRAINT "Goal_workspaceId_fkey";

-- DropForeignKey
ALTER TABLE "Goal" DROP CONSTRAINT "Goal_workspaceId_partnershipId_fkey";

-- DropForeignKey
ALTER TABLE "Goal" DROP CONSTRAINT "Goal_workspaceId_hostOwnerId_fkey";

-- DropForeignKey
ALTER TABLE "Goal" DROP CONSTRAINT "Goal_workspaceId_partnerOwnerId_fkey";

-- DropForeignKey
ALTER TABLE "Goal" DROP CONSTRAINT "Goal_workspaceId_createdById_fkey";

-- DropForeignKey
ALTER TABLE "GoalCheckIn" DROP CONSTRAINT "GoalCheckIn_workspaceId_fkey";

-- DropForeignKey
ALTER TABLE "GoalCheckIn" DROP CONSTRAINT "GoalCheckIn_workspaceId_goalId_fkey";

-- DropForeignKey
ALTER TABLE "GoalCheckIn" DROP CONSTRAINT "GoalCheckIn_workspaceId_cycleId_fkey";

-- DropForeignKey
ALTER TABLE "GoalCheckIn" DROP CONSTRAINT "GoalCheckIn_workspaceId_memberId_fkey";

-- DropForeignKey
ALTER TABLE "RenewalReview" DROP CONSTRAINT "RenewalReview_workspaceId_fkey";

-- DropForeignKey
ALTER TABLE "RenewalReview" DROP CONSTRAINT "RenewalReview_workspaceId_partnershipId_fkey";

-- DropForeignKey
ALTER TABLE "RenewalReview" DROP CONSTRAINT "RenewalReview_workspaceId_openedById_fkey";

-- DropForeignKey
ALTER TABLE "RenewalReview" DROP CONSTRAINT "RenewalReview_workspaceId_decidedById_fkey";

-- DropForeignKey
ALTER TABLE "PhaseChange" DROP CONSTRAINT "PhaseChange_workspaceId_fkey";

-- DropForeignKey
ALTER TABLE "PhaseChange" DROP CONSTRAINT "PhaseChange_workspaceId_partnershipId_fkey";

-- DropForeignKey
ALTER TABLE "PhaseChange" DROP CONSTRAINT "PhaseChange_workspaceId_memberId_fkey";

-- DropForeignKey
ALTER TABLE "Notification" DROP CONSTRAINT "Notification_workspaceId_fkey";

-- DropForeignKey
ALTER TABLE "Notification" DROP CONSTRAINT "Notification_workspaceId_memberId_fkey";

-- DropForeignKey
ALTER TABLE "Notification" DROP CONSTRAINT "Notification_workspaceId_partnershipId_fkey";

-- DropForeignKey
ALTER TABLE "Notification" DROP CONSTRAINT "Notification_workspaceId_cycleId_fkey";

-- DropForeignKey
ALTER TABLE "SurveyLink" DROP CONSTRAINT "SurveyLink_workspaceId_fkey";

-- DropForeignKey
ALTER TABLE "SurveyLink" DROP CONSTRAINT "SurveyLink_workspaceId_memberId_fkey";

-- DropForeignKey
ALTER TABLE "SurveyLink" DROP CONSTRAINT "SurveyLink_workspaceId_cycleId_fkey";

-- DropForeignKey
ALTER TABLE "SsoConnection" DROP CONSTRAINT "SsoConnection_workspaceId_fkey";

-- DropIndex
DROP INDEX "Member_workspaceId_id_key";

-- DropIndex
DROP INDEX "Invitation_tokenHash_key";

-- DropIndex
DROP INDEX "Invitation_workspaceId_id_key";

-- DropIndex
DROP INDEX "PartnerOrg_workspaceId_id_key";

-- DropIndex
DROP INDEX "Partnership_workspaceId_id_key";

-- DropIndex
DROP INDEX "FrameworkVersion_workspaceId_id_key";

-- DropIndex
DROP INDEX "Pillar_workspaceId_id_key";

-- DropIndex
DROP INDEX "Statement_workspaceId_id_key";

-- DropIndex
DROP INDEX "Cycle_workspaceId_id_key";

-- DropIndex
DROP INDEX "Response_workspaceId_id_key";

-- DropIndex
DROP INDEX "OutboxEmail_workspaceId_id_key";

-- DropIndex
DROP INDEX "Retro_workspaceId_id_key";

-- DropIndex
DROP INDEX "RetroItem_workspaceId_id_key";

-- DropIndex
DROP INDEX "Action_workspaceId_id_key";

-- DropIndex
DROP INDEX "ActionEvent_workspaceId_id_key";

-- DropIndex
DROP INDEX "Goal_workspaceId_id_key";

-- DropIndex
DROP INDEX "RenewalReview_workspaceId_id_key";

-- DropIndex
DROP INDEX "PhaseChange_workspaceId_id_key";

-- DropIndex
DROP INDEX "Notification_workspaceId_id_key";

-- DropIndex
DROP INDEX "SurveyLink_tokenHash_key";

-- DropIndex
DROP INDEX "SurveyLink_workspaceId_id_key";

-- DropIndex
DROP INDEX "AuditEvent_userId_createdAt_idx";

-- AlterTable
ALTER TABLE "Member" DROP CONSTRAINT "Member_pkey",
ADD CONSTRAINT "Member_pkey" PRIMARY KEY ("workspaceId", "id");

-- AlterTable
ALTER TABLE "Invitation" DROP CONSTRAINT "Invitation_pkey",
ADD CONSTRAINT "Invitation_pkey" PRIMARY KEY ("workspaceId", "id");

-- AlterTable
ALTER TABLE "PartnerOrg" DROP CONSTRAINT "PartnerOrg_pkey",
ADD CONSTRAINT "PartnerOrg_pkey" PRIMARY KEY ("workspaceId", "id");

-- AlterTable
ALTER TABLE "Partnership" DROP CONSTRAINT "Partnership_pkey",
ADD CONSTRAINT "Partnership_pkey" PRIMARY KEY ("workspaceId", "id");

-- AlterTable
ALTER TABLE "FrameworkVersion" DROP CONSTRAINT "FrameworkVersion_pkey",
ADD CONSTRAINT "FrameworkVersion_pkey" PRIMARY KEY ("workspaceId", "id");

-- AlterTable
ALTER TABLE "Pillar" DROP CONSTRAINT "Pillar_pkey",
ADD CONSTRAINT "Pillar_pkey" PRIMARY KEY ("workspaceId", "id");

-- AlterTable
ALTER TABLE "Statement" DROP CONSTRAINT "Statement_pkey",
ADD CONSTRAINT "Statement_pkey" PRIMARY KEY ("workspaceId", "id");

-- AlterTable
ALTER TABLE "Cycle" DROP CONSTRAINT "Cycle_pkey",
ADD CONSTRAINT "Cycle_pkey" PRIMARY KEY ("workspaceId", "id");

-- AlterTable
ALTER TABLE "Response" DROP CONSTRAINT "Response_pkey",
ADD CONSTRAINT "Response_pkey" PRIMARY KEY ("workspaceId", "id");

-- AlterTable
ALTER TABLE "OutboxEmail" DROP CONSTRAINT "OutboxEmail_pkey",
ADD CONSTRAINT "OutboxEmail_pkey" PRIMARY KEY ("workspaceId", "id");

-- AlterTable
ALTER TABLE "Retro" DROP CONSTRAINT "Retro_pkey",
ADD CONSTRAINT "Retro_pkey" PRIMARY KEY ("workspaceId", "id");

-- AlterTable
ALTER TABLE "RetroItem" DROP CONSTRAINT "RetroItem_pkey",
ADD CONSTRAINT "RetroItem_pkey" PRIMARY KEY ("workspaceId", "id");

-- AlterTable
ALTER TABLE "Action" DROP CONSTRAINT "Action_pkey",
ADD CONSTRAINT "Action_pkey" PRIMARY KEY ("workspaceId", "id");

-- AlterTable
ALTER TABLE "ActionEvent" DROP CONSTRAINT "ActionEvent_pkey",
ADD CONSTRAINT "ActionEvent_pkey" PRIMARY KEY ("workspaceId", "id");

-- AlterTable
ALTER TABLE "Goal" DROP CONSTRAINT "Goal_pkey",
ADD CONSTRAINT "Goal_pkey" PRIMARY KEY ("workspaceId", "id");

-- AlterTable
ALTER TABLE "RenewalReview" DROP CONSTRAINT "RenewalReview_pkey",
ADD CONSTRAINT "RenewalReview_pkey" PRIMARY KEY ("workspaceId", "id");

-- AlterTable
ALTER TABLE "PhaseChange" DROP CONSTRAINT "PhaseChange_pkey",
ADD CONSTRAINT "PhaseChange_pkey" PRIMARY KEY ("workspaceId", "id");

-- AlterTable
ALTER TABLE "Notification" DROP CONSTRAINT "Notification_pkey",
ADD CONSTRAINT "Notification_pkey" PRIMARY KEY ("workspaceId", "id");

-- AlterTable
ALTER TABLE "SurveyLink" DROP CONSTRAINT "SurveyLink_pkey",
ADD CONSTRAINT "SurveyLink_pkey" PRIMARY KEY ("workspaceId", "id");

-- CreateTable
CREATE TABLE "AccountAuditEvent" (
    "id" TEXT NOT NULL,
    "userId" TEXT,
    "actorUserId" TEXT,
    "action" TEXT NOT NULL,
    "email" TEXT,
    "target" TEXT,
    "detail" JSONB,
    "address" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AccountAuditEvent_pkey" PRIMARY KEY ("id")
);


-- CreateIndex
CREATE INDEX "AccountAuditEvent_userId_createdAt_idx" ON "AccountAuditEvent"("userId", "createdAt");


-- The append-only rule, now naming the table it guards, on both audit tables.
CREATE OR REPLACE FUNCTION "audit_event_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'The audit log is append-only: % on "%" is not allowed', TG_OP, TG_TABLE_NAME;
END;
$$;

CREATE TRIGGER "AccountAuditEvent_append_only"
  BEFORE UPDATE OR DELETE ON "AccountAuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "audit_event_append_only"();

CREATE TRIGGER "AccountAuditEvent_no_truncate"
  BEFORE TRUNCATE ON "AccountAuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_append_only"();

-- Move the account-level events, keeping their ids and times. This migration is the one
-- statement allowed to remove audit rows: it moves them, inside its own transaction, with the
-- row trigger off only for that statement.
INSERT INTO "AccountAuditEvent" ("id", "userId", "actorUserId", "action", "email", "target", "detail", "address", "createdAt")
SELECT "id", "userId", "actorUserId", "action", "email", "target", "detail", "address", "createdAt"
FROM "AuditEvent" WHERE "workspaceId" IS NULL;

ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only";
DELETE FROM "AuditEvent" WHERE "workspaceId" IS NULL;
ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only";

-- AlterTable
ALTER TABLE "AuditEvent" DROP CONSTRAINT "AuditEvent_pkey",
ALTER COLUMN "workspaceId" SET NOT NULL,
ADD CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("workspaceId", "id");

-- CreateIndex
CREATE INDEX "Invitation_tokenHash_idx" ON "Invitation"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_workspaceId_tokenHash_key" ON "Invitation"("workspaceId", "tokenHash");

-- CreateIndex
CREATE INDEX "SurveyLink_tokenHash_idx" ON "SurveyLink"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyLink_workspaceId_tokenHash_key" ON "SurveyLink"("workspaceId", "tokenHash");

-- AddForeignKey
ALTER TABLE "Member" ADD CONSTRAINT "Member_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Member" ADD CONSTRAINT "Member_workspaceId_partnerOrgId_fkey" FOREIGN KEY ("workspaceId", "partnerOrgId") REFERENCES "PartnerOrg"("workspaceId", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_workspaceId_partnerOrgId_fkey" FOREIGN KEY ("workspaceId", "partnerOrgId") REFERENCES "PartnerOrg"("workspaceId", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_workspaceId_invitedById_fkey" FOREIGN KEY ("workspaceId", "invitedById") REFERENCES "Member"("workspaceId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "PartnerOrg" ADD CONSTRAINT "PartnerOrg_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Partnership" ADD CONSTRAINT "Partnership_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Partnership" ADD CONSTRAINT "Partnership_workspaceId_partnerOrgId_fkey" FOREIGN KEY ("workspaceId", "partnerOrgId") REFERENCES "PartnerOrg"("workspaceId", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Partnership" ADD CONSTRAINT "Partnership_workspaceId_ownerMemberId_fkey" FOREIGN KEY ("workspaceId", "ownerMemberId") REFERENCES "Member"("workspaceId", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "PartnershipTeamMember" ADD CONSTRAINT "PartnershipTeamMember_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "PartnershipTeamMember" ADD CONSTRAINT "PartnershipTeamMember_workspaceId_partnershipId_fkey" FOREIGN KEY ("workspaceId", "partnershipId") REFERENCES "Partnership"("workspaceId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "PartnershipTeamMember" ADD CONSTRAINT "PartnershipTeamMember_workspaceId_memberId_fkey" FOREIGN KEY ("workspaceId", "memberId") REFERENCES "Member"("workspaceId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "FrameworkVersion" ADD CONSTRAINT "FrameworkVersion_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Pillar" ADD CONSTRAINT "Pillar_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Pillar" ADD CONSTRAINT "Pillar_workspaceId_versionId_fkey" FOREIGN KEY ("workspaceId", "versionId") REFERENCES "FrameworkVersion"("workspaceId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Statement" ADD CONSTRAINT "Statement_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Statement" ADD CONSTRAINT "Statement_workspaceId_versionId_fkey" FOREIGN KEY ("workspaceId", "versionId") REFERENCES "FrameworkVersion"("workspaceId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Statement" ADD CONSTRAINT "Statement_workspaceId_pillarId_fkey" FOREIGN KEY ("workspaceId", "pillarId") REFERENCES "Pillar"("workspaceId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Cycle" ADD CONSTRAINT "Cycle_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Cycle" ADD CONSTRAINT "Cycle_workspaceId_frameworkVersionId_fkey" FOREIGN KEY ("workspaceId", "frameworkVersionId") REFERENCES "FrameworkVersion"("workspaceId", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Response" ADD CONSTRAINT "Response_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Response" ADD CONSTRAINT "Response_workspaceId_cycleId_fkey" FOREIGN KEY ("workspaceId", "cycleId") REFERENCES "Cycle"("workspaceId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Response" ADD CONSTRAINT "Response_workspaceId_partnershipId_fkey" FOREIGN KEY ("workspaceId", "partnershipId") REFERENCES "Partnership"("workspaceId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Response" ADD CONSTRAINT "Response_workspaceId_memberId_fkey" FOREIGN KEY ("workspaceId", "memberId") REFERENCES "Member"("workspaceId", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Answer" ADD CONSTRAINT "Answer_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Answer" ADD CONSTRAINT "Answer_workspaceId_responseId_fkey" FOREIGN KEY ("workspaceId", "responseId") REFERENCES "Response"("workspaceId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Answer" ADD CONSTRAINT "Answer_workspaceId_statementId_fkey" FOREIGN KEY ("workspaceId", "statementId") REFERENCES "Statement"("workspaceId", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "ResponsePillarScore" ADD CONSTRAINT "ResponsePillarScore_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "ResponsePillarScore" ADD CONSTRAINT "ResponsePillarScore_workspaceId_responseId_fkey" FOREIGN KEY ("workspaceId", "responseId") REFERENCES "Response"("workspaceId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "ResponsePillarScore" ADD CONSTRAINT "ResponsePillarScore_workspaceId_pillarId_fkey" FOREIGN KEY ("workspaceId", "pillarId") REFERENCES "Pillar"("workspaceId", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "PillarComment" ADD CONSTRAINT "PillarComment_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "PillarComment" ADD CONSTRAINT "PillarComment_workspaceId_responseId_fkey" FOREIGN KEY ("workspaceId", "responseId") REFERENCES "Response"("workspaceId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "PillarComment" ADD CONSTRAINT "PillarComment_workspaceId_pillarId_fkey" FOREIGN KEY ("workspaceId", "pillarId") REFERENCES "Pillar"("workspaceId", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "CycleParticipant" ADD CONSTRAINT "CycleParticipant_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "CycleParticipant" ADD CONSTRAINT "CycleParticipant_workspaceId_cycleId_fkey" FOREIGN KEY ("workspaceId", "cycleId") REFERENCES "Cycle"("workspaceId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "CycleParticipant" ADD CONSTRAINT "CycleParticipant_workspaceId_partnershipId_fkey" FOREIGN KEY ("workspaceId", "partnershipId") REFERENCES "Partnership"("workspaceId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "CycleParticipant" ADD CONSTRAINT "CycleParticipant_workspaceId_memberId_fkey" FOREIGN KEY ("workspaceId", "memberId") REFERENCES "Member"("workspaceId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "ReminderSent" ADD CONSTRAINT "ReminderSent_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "ReminderSent" ADD CONSTRAINT "ReminderSent_workspaceId_cycleId_fkey" FOREIGN KEY ("workspaceId", "cycleId") REFERENCES "Cycle"("workspaceId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "ReminderSent" ADD CONSTRAINT "ReminderSent_workspaceId_memberId_fkey" FOREIGN KEY ("workspaceId", "memberId") REFERENCES "Member"("workspaceId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "ReminderMute" ADD CONSTRAINT "ReminderMute_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "ReminderMute" ADD CONSTRAINT "ReminderMute_workspaceId_cycleId_fkey" FOREIGN KEY ("workspaceId", "cycleId") REFERENCES "Cycle"("workspaceId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "ReminderMute" ADD CONSTRAINT "ReminderMute_workspaceId_memberId_fkey" FOREIGN KEY ("workspaceId", "memberId") REFERENCES "Member"("workspaceId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "OutboxEmail" ADD CONSTRAINT "OutboxEmail_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "OutboxEmail" ADD CONSTRAINT "OutboxEmail_workspaceId_recipientMemberId_fkey" FOREIGN KEY ("workspaceId", "recipientMemberId") REFERENCES "Member"("workspaceId", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "OutboxEmailPartnership" ADD CONSTRAINT "OutboxEmailPartnership_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "OutboxEmailPartnership" ADD CONSTRAINT "OutboxEmailPartnership_workspaceId_emailId_fkey" FOREIGN KEY ("workspaceId", "emailId") REFERENCES "OutboxEmail"("workspaceId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "OutboxEmailPartnership" ADD CONSTRAINT "OutboxEmailPartnership_workspaceId_partnershipId_fkey" FOREIGN KEY ("workspaceId", "partnershipId") REFERENCES "Partnership"("workspaceId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "ResponseDraft" ADD CONSTRAINT "ResponseDraft_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "ResponseDraft" ADD CONSTRAINT "ResponseDraft_workspaceId_cycleId_fkey" FOREIGN KEY ("workspaceId", "cycleId") REFERENCES "Cycle"("workspaceId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "ResponseDraft" ADD CONSTRAINT "ResponseDraft_workspaceId_partnershipId_fkey" FOREIGN KEY ("workspaceId", "partnershipId") REFERENCES "Partnership"("workspaceId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "ResponseDraft" ADD CONSTRAINT "ResponseDraft_workspaceId_memberId_fkey" FOREIGN KEY ("workspaceId", "memberId") REFERENCES "Member"("workspaceId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "PartnershipCycleScore" ADD CONSTRAINT "PartnershipCycleScore_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "PartnershipCycleScore" ADD CONSTRAINT "PartnershipCycleScore_workspaceId_partnershipId_fkey" FOREIGN KEY ("workspaceId", "partnershipId") REFERENCES "Partnership"("workspaceId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "PartnershipCycleScore" ADD CONSTRAINT "PartnershipCycleScore_workspaceId_cycleId_fkey" FOREIGN KEY ("workspaceId", "cycleId") REFERENCES "Cycle"("workspaceId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "PillarCycleScore" ADD CONSTRAINT "PillarCycleScore_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "PillarCycleScore" ADD CONSTRAINT "PillarCycleScore_workspaceId_partnershipId_fkey" FOREIGN KEY ("workspaceId", "partnershipId") REFERENCES "Partnership"("workspaceId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "PillarCycleScore" ADD CONSTRAINT "PillarCycleScore_workspaceId_cycleId_fkey" FOREIGN KEY ("workspaceId", "cycleId") REFERENCES "Cycle"("workspaceId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "PillarCycleScore" ADD CONSTRAINT "PillarCycleScore_workspaceId_pillarId_fkey" FOREIGN KEY ("workspaceId", "pillarId") REFERENCES "Pillar"("workspaceId", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "StatementCycleScore" ADD CONSTRAINT "StatementCycleScore_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "StatementCycleScore" ADD CONSTRAINT "StatementCycleScore_workspaceId_partnershipId_fkey" FOREIGN KEY ("workspaceId", "partnershipId") REFERENCES "Partnership"("workspaceId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "StatementCycleScore" ADD CONSTRAINT "StatementCycleScore_workspaceId_cycleId_fkey" FOREIGN KEY ("workspaceId", "cycleId") REFERENCES "Cycle"("workspaceId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "StatementCycleScore" ADD CONSTRAINT "StatementCycleScore_workspaceId_statementId_fkey" FOREIGN KEY ("workspaceId", "statementId") REFERENCES "Statement"("workspaceId", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Retro" ADD CONSTRAINT "Retro_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Retro" ADD CONSTRAINT "Retro_workspaceId_partnershipId_fkey" FOREIGN KEY ("workspaceId", "partnershipId") REFERENCES "Partnership"("workspaceId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Retro" ADD CONSTRAINT "Retro_workspaceId_cycleId_fkey" FOREIGN KEY ("workspaceId", "cycleId") REFERENCES "Cycle"("workspaceId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Retro" ADD CONSTRAINT "Retro_workspaceId_facilitatorId_fkey" FOREIGN KEY ("workspaceId", "facilitatorId") REFERENCES "Member"("workspaceId", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "RetroItem" ADD CONSTRAINT "RetroItem_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "RetroItem" ADD CONSTRAINT "RetroItem_workspaceId_retroId_fkey" FOREIGN KEY ("workspaceId", "retroId") REFERENCES "Retro"("workspaceId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "RetroItem" ADD CONSTRAINT "RetroItem_workspaceId_authorId_fkey" FOREIGN KEY ("workspaceId", "authorId") REFERENCES "Member"("workspaceId", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "RetroVote" ADD CONSTRAINT "RetroVote_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "RetroVote" ADD CONSTRAINT "RetroVote_workspaceId_retroId_fkey" FOREIGN KEY ("workspaceId", "retroId") REFERENCES "Retro"("workspaceId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "RetroVote" ADD CONSTRAINT "RetroVote_workspaceId_itemId_fkey" FOREIGN KEY ("workspaceId", "itemId") REFERENCES "RetroItem"("workspaceId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "RetroVote" ADD CONSTRAINT "RetroVote_workspaceId_memberId_fkey" FOREIGN KEY ("workspaceId", "memberId") REFERENCES "Member"("workspaceId", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "RetroAttendee" ADD CONSTRAINT "RetroAttendee_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "RetroAttendee" ADD CONSTRAINT "RetroAttendee_workspaceId_retroId_fkey" FOREIGN KEY ("workspaceId", "retroId") REFERENCES "Retro"("workspaceId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "RetroAttendee" ADD CONSTRAINT "RetroAttendee_workspaceId_memberId_fkey" FOREIGN KEY ("workspaceId", "memberId") REFERENCES "Member"("workspaceId", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_workspaceId_partnershipId_fkey" FOREIGN KEY ("workspaceId", "partnershipId") REFERENCES "Partnership"("workspaceId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_workspaceId_ownerMemberId_fkey" FOREIGN KEY ("workspaceId", "ownerMemberId") REFERENCES "Member"("workspaceId", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_workspaceId_createdById_fkey" FOREIGN KEY ("workspaceId", "createdById") REFERENCES "Member"("workspaceId", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_workspaceId_cycleId_fkey" FOREIGN KEY ("workspaceId", "cycleId") REFERENCES "Cycle"("workspaceId", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_workspaceId_retroId_fkey" FOREIGN KEY ("workspaceId", "retroId") REFERENCES "Retro"("workspaceId", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_workspaceId_retroItemId_fkey" FOREIGN KEY ("workspaceId", "retroItemId") REFERENCES "RetroItem"("workspaceId", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "ActionEvent" ADD CONSTRAINT "ActionEvent_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "ActionEvent" ADD CONSTRAINT "ActionEvent_workspaceId_actionId_fkey" FOREIGN KEY ("workspaceId", "actionId") REFERENCES "Action"("workspaceId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "ActionEvent" ADD CONSTRAINT "ActionEvent_workspaceId_memberId_fkey" FOREIGN KEY ("workspaceId", "memberId") REFERENCES "Member"("workspaceId", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "ActionReminderSent" ADD CONSTRAINT "ActionReminderSent_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "ActionReminderSent" ADD CONSTRAINT "ActionReminderSent_workspaceId_actionId_fkey" FOREIGN KEY ("workspaceId", "actionId") REFERENCES "Action"("workspaceId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Goal" ADD CONSTRAINT "Goal_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Goal" ADD CONSTRAINT "Goal_workspaceId_partnershipId_fkey" FOREIGN KEY ("workspaceId", "partnershipId") REFERENCES "Partnership"("workspaceId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Goal" ADD CONSTRAINT "Goal_workspaceId_hostOwnerId_fkey" FOREIGN KEY ("workspaceId", "hostOwnerId") REFERENCES "Member"("workspaceId", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Goal" ADD CONSTRAINT "Goal_workspaceId_partnerOwnerId_fkey" FOREIGN KEY ("workspaceId", "partnerOwnerId") REFERENCES "Member"("workspaceId", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Goal" ADD CONSTRAINT "Goal_workspaceId_createdById_fkey" FOREIGN KEY ("workspaceId", "createdById") REFERENCES "Member"("workspaceId", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "GoalCheckIn" ADD CONSTRAINT "GoalCheckIn_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "GoalCheckIn" ADD CONSTRAINT "GoalCheckIn_workspaceId_goalId_fkey" FOREIGN KEY ("workspaceId", "goalId") REFERENCES "Goal"("workspaceId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "GoalCheckIn" ADD CONSTRAINT "GoalCheckIn_workspaceId_cycleId_fkey" FOREIGN KEY ("workspaceId", "cycleId") REFERENCES "Cycle"("workspaceId", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "GoalCheckIn" ADD CONSTRAINT "GoalCheckIn_workspaceId_memberId_fkey" FOREIGN KEY ("workspaceId", "memberId") REFERENCES "Member"("workspaceId", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "RenewalReview" ADD CONSTRAINT "RenewalReview_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "RenewalReview" ADD CONSTRAINT "RenewalReview_workspaceId_partnershipId_fkey" FOREIGN KEY ("workspaceId", "partnershipId") REFERENCES "Partnership"("workspaceId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "RenewalReview" ADD CONSTRAINT "RenewalReview_workspaceId_openedById_fkey" FOREIGN KEY ("workspaceId", "openedById") REFERENCES "Member"("workspaceId", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "RenewalReview" ADD CONSTRAINT "RenewalReview_workspaceId_decidedById_fkey" FOREIGN KEY ("workspaceId", "decidedById") REFERENCES "Member"("workspaceId", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "PhaseChange" ADD CONSTRAINT "PhaseChange_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "PhaseChange" ADD CONSTRAINT "PhaseChange_workspaceId_partnershipId_fkey" FOREIGN KEY ("workspaceId", "partnershipId") REFERENCES "Partnership"("workspaceId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "PhaseChange" ADD CONSTRAINT "PhaseChange_workspaceId_memberId_fkey" FOREIGN KEY ("workspaceId", "memberId") REFERENCES "Member"("workspaceId", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_workspaceId_memberId_fkey" FOREIGN KEY ("workspaceId", "memberId") REFERENCES "Member"("workspaceId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_workspaceId_partnershipId_fkey" FOREIGN KEY ("workspaceId", "partnershipId") REFERENCES "Partnership"("workspaceId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_workspaceId_cycleId_fkey" FOREIGN KEY ("workspaceId", "cycleId") REFERENCES "Cycle"("workspaceId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "SurveyLink" ADD CONSTRAINT "SurveyLink_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "SurveyLink" ADD CONSTRAINT "SurveyLink_workspaceId_memberId_fkey" FOREIGN KEY ("workspaceId", "memberId") REFERENCES "Member"("workspaceId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "SurveyLink" ADD CONSTRAINT "SurveyLink_workspaceId_cycleId_fkey" FOREIGN KEY ("workspaceId", "cycleId") REFERENCES "Cycle"("workspaceId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "SsoConnection" ADD CONSTRAINT "SsoConnection_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION;
