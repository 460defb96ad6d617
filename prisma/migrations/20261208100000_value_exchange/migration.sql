
-- CreateEnum
CREATE TYPE "ExchangeKind" AS ENUM ('ASK', 'OFFER');

-- CreateEnum
CREATE TYPE "ExchangeStatus" AS ENUM ('OPEN', 'CLARIFY', 'ACCEPTED', 'DECLINED', 'DELIVERED', 'LAPSED', 'WITHDRAWN');

-- AlterEnum
ALTER TYPE "EmailKind" ADD VALUE 'EXCHANGE';

-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'EXCHANGE';

-- CreateTable
CREATE TABLE "ExchangeItem" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "partnershipId" TEXT NOT NULL,
    "kind" "ExchangeKind" NOT NULL,
    "side" "Side" NOT NULL,
    "title" TEXT NOT NULL,
    "detail" TEXT NOT NULL DEFAULT '',
    "counterpart" TEXT NOT NULL DEFAULT '',
    "counterpartMemberId" TEXT,
    "dueDate" TIMESTAMP(3),
    "status" "ExchangeStatus" NOT NULL DEFAULT 'OPEN',
    "makerId" TEXT NOT NULL,
    "responderId" TEXT,
    "responseNote" TEXT NOT NULL DEFAULT '',
    "deliveredAt" TIMESTAMP(3),
    "deliveredById" TEXT,
    "rating" INTEGER,
    "ratingNote" TEXT NOT NULL DEFAULT '',
    "actionId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ExchangeItem_pkey" PRIMARY KEY ("workspaceId","id")
);

-- CreateTable
CREATE TABLE "ExchangeEvent" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "move" TEXT NOT NULL,
    "status" "ExchangeStatus" NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExchangeEvent_pkey" PRIMARY KEY ("workspaceId","id")
);

-- CreateIndex
CREATE INDEX "ExchangeItem_workspaceId_partnershipId_createdAt_idx" ON "ExchangeItem"("workspaceId", "partnershipId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ExchangeItem_workspaceId_actionId_key" ON "ExchangeItem"("workspaceId", "actionId");

-- CreateIndex
CREATE INDEX "ExchangeEvent_workspaceId_itemId_idx" ON "ExchangeEvent"("workspaceId", "itemId");

-- AddForeignKey
ALTER TABLE "ExchangeItem" ADD CONSTRAINT "ExchangeItem_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "ExchangeItem" ADD CONSTRAINT "ExchangeItem_workspaceId_partnershipId_fkey" FOREIGN KEY ("workspaceId", "partnershipId") REFERENCES "Partnership"("workspaceId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "ExchangeItem" ADD CONSTRAINT "ExchangeItem_workspaceId_counterpartMemberId_fkey" FOREIGN KEY ("workspaceId", "counterpartMemberId") REFERENCES "Member"("workspaceId", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "ExchangeItem" ADD CONSTRAINT "ExchangeItem_workspaceId_makerId_fkey" FOREIGN KEY ("workspaceId", "makerId") REFERENCES "Member"("workspaceId", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "ExchangeItem" ADD CONSTRAINT "ExchangeItem_workspaceId_responderId_fkey" FOREIGN KEY ("workspaceId", "responderId") REFERENCES "Member"("workspaceId", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "ExchangeItem" ADD CONSTRAINT "ExchangeItem_workspaceId_deliveredById_fkey" FOREIGN KEY ("workspaceId", "deliveredById") REFERENCES "Member"("workspaceId", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "ExchangeItem" ADD CONSTRAINT "ExchangeItem_workspaceId_actionId_fkey" FOREIGN KEY ("workspaceId", "actionId") REFERENCES "Action"("workspaceId", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "ExchangeEvent" ADD CONSTRAINT "ExchangeEvent_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "ExchangeEvent" ADD CONSTRAINT "ExchangeEvent_workspaceId_itemId_fkey" FOREIGN KEY ("workspaceId", "itemId") REFERENCES "ExchangeItem"("workspaceId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "ExchangeEvent" ADD CONSTRAINT "ExchangeEvent_workspaceId_memberId_fkey" FOREIGN KEY ("workspaceId", "memberId") REFERENCES "Member"("workspaceId", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;


-- Row-level security for the new tenant tables, as for every other.
SELECT ph_tenant_isolation();
