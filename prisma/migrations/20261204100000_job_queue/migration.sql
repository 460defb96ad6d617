-- AlterTable
ALTER TABLE "AccountEmail" ADD COLUMN     "failedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Cycle" ADD COLUMN     "alertsDueAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "OutboxEmail" ADD COLUMN     "failedAt" TIMESTAMP(3);

