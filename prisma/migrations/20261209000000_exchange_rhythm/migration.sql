-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'ONE_SIDED_EXCHANGE';

-- CreateTable
CREATE TABLE "ExchangeReminderSent" (
    "workspaceId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "dueDate" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExchangeReminderSent_pkey" PRIMARY KEY ("workspaceId","itemId","dueDate")
);

-- AddForeignKey
ALTER TABLE "ExchangeReminderSent" ADD CONSTRAINT "ExchangeReminderSent_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "ExchangeReminderSent" ADD CONSTRAINT "ExchangeReminderSent_workspaceId_itemId_fkey" FOREIGN KEY ("workspaceId", "itemId") REFERENCES "ExchangeItem"("workspaceId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;


-- Row-level security for the new tenant table, as for every other.
SELECT ph_tenant_isolation();
