-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "NotificationKind" ADD VALUE 'ACTION_HANDED_OVER';
ALTER TYPE "NotificationKind" ADD VALUE 'OWNER_NEEDED';

-- AlterTable
ALTER TABLE "OutboxEmail" ADD COLUMN     "dropReason" TEXT,
ADD COLUMN     "droppedAt" TIMESTAMP(3),
ADD COLUMN     "recipientMemberId" TEXT;

-- CreateTable
CREATE TABLE "OutboxEmailPartnership" (
    "workspaceId" TEXT NOT NULL,
    "emailId" TEXT NOT NULL,
    "partnershipId" TEXT NOT NULL,

    CONSTRAINT "OutboxEmailPartnership_pkey" PRIMARY KEY ("workspaceId","emailId","partnershipId")
);

-- CreateIndex
CREATE INDEX "OutboxEmailPartnership_workspaceId_partnershipId_idx" ON "OutboxEmailPartnership"("workspaceId", "partnershipId");

-- CreateIndex
CREATE INDEX "OutboxEmail_workspaceId_recipientMemberId_idx" ON "OutboxEmail"("workspaceId", "recipientMemberId");

-- AddForeignKey
ALTER TABLE "OutboxEmail" ADD CONSTRAINT "OutboxEmail_workspaceId_recipientMemberId_fkey" FOREIGN KEY ("workspaceId", "recipientMemberId") REFERENCES "Member"("workspaceId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboxEmailPartnership" ADD CONSTRAINT "OutboxEmailPartnership_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboxEmailPartnership" ADD CONSTRAINT "OutboxEmailPartnership_workspaceId_emailId_fkey" FOREIGN KEY ("workspaceId", "emailId") REFERENCES "OutboxEmail"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboxEmailPartnership" ADD CONSTRAINT "OutboxEmailPartnership_workspaceId_partnershipId_fkey" FOREIGN KEY ("workspaceId", "partnershipId") REFERENCES "Partnership"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Emails queued before this migration: their recipient is the member with that address in the
-- email's workspace (invitations go to people who are not members yet). Which partnerships they
-- name is not recorded, so the delivery job checks only that their recipient is still a member.
UPDATE "OutboxEmail" e
SET "recipientMemberId" = m.id
FROM "Member" m
JOIN "User" u ON u.id = m."userId"
WHERE m."workspaceId" = e."workspaceId" AND lower(u.email) = lower(e."to") AND e.kind <> 'INVITATION';
