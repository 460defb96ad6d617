-- AlterTable
ALTER TABLE "Invitation" ADD COLUMN     "name" TEXT;

-- CreateTable
CREATE TABLE "ImportMapping" (
    "workspaceId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "mapping" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ImportMapping_pkey" PRIMARY KEY ("workspaceId","kind")
);

-- AddForeignKey
ALTER TABLE "ImportMapping" ADD CONSTRAINT "ImportMapping_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION;


-- Row-level security for the new tenant table, as for every other.
SELECT ph_tenant_isolation();
