-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('OWNER', 'ADMIN', 'MANAGER', 'EXECUTIVE', 'PARTNER');

-- CreateEnum
CREATE TYPE "Side" AS ENUM ('HOST', 'PARTNER');

-- CreateEnum
CREATE TYPE "Tier" AS ENUM ('STRATEGIC', 'CORE', 'EMERGING');

-- CreateEnum
CREATE TYPE "Phase" AS ENUM ('EXPLORING', 'ONBOARDING', 'ACTIVE', 'RENEWAL_REVIEW', 'RENEWED', 'EXITED');

-- CreateEnum
CREATE TYPE "CycleStatus" AS ENUM ('DRAFT', 'OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "SurveyMode" AS ENUM ('CONFIDENTIAL', 'ATTRIBUTED');

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Workspace" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "surveyMode" "SurveyMode" NOT NULL DEFAULT 'CONFIDENTIAL',
    "confidentialityThreshold" INTEGER NOT NULL DEFAULT 3,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Workspace_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Member" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "partnerOrgId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removedAt" TIMESTAMP(3),

    CONSTRAINT "Member_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Invitation" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "partnerOrgId" TEXT,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "acceptedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "invitedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Invitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PartnerOrg" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "website" TEXT,
    "region" TEXT,
    "industry" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PartnerOrg_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Partnership" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "partnerOrgId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "ownerMemberId" TEXT,
    "tier" "Tier" NOT NULL DEFAULT 'CORE',
    "phase" "Phase" NOT NULL DEFAULT 'ACTIVE',
    "renewalDate" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Partnership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PartnershipTeamMember" (
    "workspaceId" TEXT NOT NULL,
    "partnershipId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,

    CONSTRAINT "PartnershipTeamMember_pkey" PRIMARY KEY ("workspaceId","partnershipId","memberId")
);

-- CreateTable
CREATE TABLE "FrameworkVersion" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FrameworkVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Pillar" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "weight" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "position" INTEGER NOT NULL,

    CONSTRAINT "Pillar_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Statement" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "pillarId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "Statement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Cycle" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "opensAt" TIMESTAMP(3) NOT NULL,
    "closesAt" TIMESTAMP(3) NOT NULL,
    "status" "CycleStatus" NOT NULL DEFAULT 'DRAFT',
    "frameworkVersionId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Cycle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Response" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "partnershipId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "side" "Side" NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Response_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Answer" (
    "workspaceId" TEXT NOT NULL,
    "responseId" TEXT NOT NULL,
    "statementId" TEXT NOT NULL,
    "value" INTEGER,

    CONSTRAINT "Answer_pkey" PRIMARY KEY ("workspaceId","responseId","statementId")
);

-- CreateTable
CREATE TABLE "ResponsePillarScore" (
    "workspaceId" TEXT NOT NULL,
    "responseId" TEXT NOT NULL,
    "pillarId" TEXT NOT NULL,
    "score" DOUBLE PRECISION,

    CONSTRAINT "ResponsePillarScore_pkey" PRIMARY KEY ("workspaceId","responseId","pillarId")
);

-- CreateTable
CREATE TABLE "PillarComment" (
    "workspaceId" TEXT NOT NULL,
    "responseId" TEXT NOT NULL,
    "pillarId" TEXT NOT NULL,
    "text" TEXT NOT NULL,

    CONSTRAINT "PillarComment_pkey" PRIMARY KEY ("workspaceId","responseId","pillarId")
);

-- CreateTable
CREATE TABLE "SignInThrottle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "lockedUntil" TIMESTAMP(3),

    CONSTRAINT "SignInThrottle_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Workspace_slug_key" ON "Workspace"("slug");

-- CreateIndex
CREATE INDEX "Member_userId_idx" ON "Member"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Member_workspaceId_id_key" ON "Member"("workspaceId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Member_workspaceId_userId_key" ON "Member"("workspaceId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");

-- CreateIndex
CREATE INDEX "Invitation_workspaceId_email_idx" ON "Invitation"("workspaceId", "email");

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_workspaceId_id_key" ON "Invitation"("workspaceId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "PartnerOrg_workspaceId_id_key" ON "PartnerOrg"("workspaceId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "PartnerOrg_workspaceId_name_key" ON "PartnerOrg"("workspaceId", "name");

-- CreateIndex
CREATE INDEX "Partnership_workspaceId_partnerOrgId_idx" ON "Partnership"("workspaceId", "partnerOrgId");

-- CreateIndex
CREATE UNIQUE INDEX "Partnership_workspaceId_id_key" ON "Partnership"("workspaceId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Partnership_workspaceId_name_key" ON "Partnership"("workspaceId", "name");

-- CreateIndex
CREATE INDEX "PartnershipTeamMember_workspaceId_memberId_idx" ON "PartnershipTeamMember"("workspaceId", "memberId");

-- CreateIndex
CREATE UNIQUE INDEX "FrameworkVersion_workspaceId_id_key" ON "FrameworkVersion"("workspaceId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "FrameworkVersion_workspaceId_version_key" ON "FrameworkVersion"("workspaceId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "Pillar_workspaceId_id_key" ON "Pillar"("workspaceId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Pillar_workspaceId_versionId_key_key" ON "Pillar"("workspaceId", "versionId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "Statement_workspaceId_id_key" ON "Statement"("workspaceId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Statement_workspaceId_versionId_key_key" ON "Statement"("workspaceId", "versionId", "key");

-- CreateIndex
CREATE INDEX "Cycle_workspaceId_opensAt_idx" ON "Cycle"("workspaceId", "opensAt");

-- CreateIndex
CREATE UNIQUE INDEX "Cycle_workspaceId_id_key" ON "Cycle"("workspaceId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Cycle_workspaceId_label_key" ON "Cycle"("workspaceId", "label");

-- CreateIndex
CREATE INDEX "Response_workspaceId_partnershipId_cycleId_idx" ON "Response"("workspaceId", "partnershipId", "cycleId");

-- CreateIndex
CREATE UNIQUE INDEX "Response_workspaceId_id_key" ON "Response"("workspaceId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Response_workspaceId_cycleId_partnershipId_memberId_key" ON "Response"("workspaceId", "cycleId", "partnershipId", "memberId");

-- AddForeignKey
ALTER TABLE "Member" ADD CONSTRAINT "Member_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Member" ADD CONSTRAINT "Member_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Member" ADD CONSTRAINT "Member_workspaceId_partnerOrgId_fkey" FOREIGN KEY ("workspaceId", "partnerOrgId") REFERENCES "PartnerOrg"("workspaceId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_workspaceId_partnerOrgId_fkey" FOREIGN KEY ("workspaceId", "partnerOrgId") REFERENCES "PartnerOrg"("workspaceId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_workspaceId_invitedById_fkey" FOREIGN KEY ("workspaceId", "invitedById") REFERENCES "Member"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerOrg" ADD CONSTRAINT "PartnerOrg_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Partnership" ADD CONSTRAINT "Partnership_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Partnership" ADD CONSTRAINT "Partnership_workspaceId_partnerOrgId_fkey" FOREIGN KEY ("workspaceId", "partnerOrgId") REFERENCES "PartnerOrg"("workspaceId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Partnership" ADD CONSTRAINT "Partnership_workspaceId_ownerMemberId_fkey" FOREIGN KEY ("workspaceId", "ownerMemberId") REFERENCES "Member"("workspaceId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnershipTeamMember" ADD CONSTRAINT "PartnershipTeamMember_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnershipTeamMember" ADD CONSTRAINT "PartnershipTeamMember_workspaceId_partnershipId_fkey" FOREIGN KEY ("workspaceId", "partnershipId") REFERENCES "Partnership"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnershipTeamMember" ADD CONSTRAINT "PartnershipTeamMember_workspaceId_memberId_fkey" FOREIGN KEY ("workspaceId", "memberId") REFERENCES "Member"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FrameworkVersion" ADD CONSTRAINT "FrameworkVersion_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pillar" ADD CONSTRAINT "Pillar_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pillar" ADD CONSTRAINT "Pillar_workspaceId_versionId_fkey" FOREIGN KEY ("workspaceId", "versionId") REFERENCES "FrameworkVersion"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Statement" ADD CONSTRAINT "Statement_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Statement" ADD CONSTRAINT "Statement_workspaceId_versionId_fkey" FOREIGN KEY ("workspaceId", "versionId") REFERENCES "FrameworkVersion"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Statement" ADD CONSTRAINT "Statement_workspaceId_pillarId_fkey" FOREIGN KEY ("workspaceId", "pillarId") REFERENCES "Pillar"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Cycle" ADD CONSTRAINT "Cycle_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Cycle" ADD CONSTRAINT "Cycle_workspaceId_frameworkVersionId_fkey" FOREIGN KEY ("workspaceId", "frameworkVersionId") REFERENCES "FrameworkVersion"("workspaceId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Response" ADD CONSTRAINT "Response_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Response" ADD CONSTRAINT "Response_workspaceId_cycleId_fkey" FOREIGN KEY ("workspaceId", "cycleId") REFERENCES "Cycle"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Response" ADD CONSTRAINT "Response_workspaceId_partnershipId_fkey" FOREIGN KEY ("workspaceId", "partnershipId") REFERENCES "Partnership"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Response" ADD CONSTRAINT "Response_workspaceId_memberId_fkey" FOREIGN KEY ("workspaceId", "memberId") REFERENCES "Member"("workspaceId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Answer" ADD CONSTRAINT "Answer_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Answer" ADD CONSTRAINT "Answer_workspaceId_responseId_fkey" FOREIGN KEY ("workspaceId", "responseId") REFERENCES "Response"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Answer" ADD CONSTRAINT "Answer_workspaceId_statementId_fkey" FOREIGN KEY ("workspaceId", "statementId") REFERENCES "Statement"("workspaceId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResponsePillarScore" ADD CONSTRAINT "ResponsePillarScore_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResponsePillarScore" ADD CONSTRAINT "ResponsePillarScore_workspaceId_responseId_fkey" FOREIGN KEY ("workspaceId", "responseId") REFERENCES "Response"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResponsePillarScore" ADD CONSTRAINT "ResponsePillarScore_workspaceId_pillarId_fkey" FOREIGN KEY ("workspaceId", "pillarId") REFERENCES "Pillar"("workspaceId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PillarComment" ADD CONSTRAINT "PillarComment_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PillarComment" ADD CONSTRAINT "PillarComment_workspaceId_responseId_fkey" FOREIGN KEY ("workspaceId", "responseId") REFERENCES "Response"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PillarComment" ADD CONSTRAINT "PillarComment_workspaceId_pillarId_fkey" FOREIGN KEY ("workspaceId", "pillarId") REFERENCES "Pillar"("workspaceId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;



-- Invariants Prisma's schema language cannot state.
ALTER TABLE "Member" ADD CONSTRAINT "Member_partner_org_matches_role" CHECK (("role" = 'PARTNER') = ("partnerOrgId" IS NOT NULL));
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_partner_org_matches_role" CHECK (("role" = 'PARTNER') = ("partnerOrgId" IS NOT NULL));
ALTER TABLE "Answer" ADD CONSTRAINT "Answer_value_range" CHECK ("value" IS NULL OR "value" BETWEEN 1 AND 5);
ALTER TABLE "Pillar" ADD CONSTRAINT "Pillar_weight_positive" CHECK ("weight" > 0);
ALTER TABLE "Cycle" ADD CONSTRAINT "Cycle_dates_ordered" CHECK ("closesAt" > "opensAt");
