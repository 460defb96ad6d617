-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'ONE_SIDED_EXCHANGE';

-- AlterTable
ALTER TABLE "ExchangeItem" ADD COLUMN     "retroItemId" TEXT;

-- CreateTable
CREATE TABLE "ExchangeReminderSent" (
    "workspaceId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "dueDate" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExchangeReminderSent_pkey" PRIMARY KEY ("workspaceId","itemId","dueDate")
);

-- CreateIndex
CREATE UNIQUE INDEX "ExchangeItem_workspaceId_retroItemId_key" ON "ExchangeItem"("workspaceId", "retroItemId");

-- AddForeignKey
ALTER TABLE "ExchangeItem" ADD CONSTRAINT "ExchangeItem_workspaceId_retroItemId_fkey" FOREIGN KEY ("workspaceId", "retroItemId") REFERENCES "RetroItem"("workspaceId", "id") ON DELETE NO ACTION ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "ExchangeReminderSent" ADD CONSTRAINT "ExchangeReminderSent_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "ExchangeReminderSent" ADD CONSTRAINT "ExchangeReminderSent_workspaceId_itemId_fkey" FOREIGN KEY ("workspaceId", "itemId") REFERENCES "ExchangeItem"("workspaceId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;


-- Row-level security for the new tenant table, as for every other.
SELECT ph_tenant_isolation();
