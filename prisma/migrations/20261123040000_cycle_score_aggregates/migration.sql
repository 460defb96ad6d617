-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "partnerSeesComments" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "partnerSeesScores" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "partnerSeesSides" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "partnerSeesStatements" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "partnerSeesTrends" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "PartnershipCycleScore" (
    "workspaceId" TEXT NOT NULL,
    "partnershipId" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "health" DOUBLE PRECISION,
    "hostResponses" INTEGER NOT NULL DEFAULT 0,
    "partnerResponses" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PartnershipCycleScore_pkey" PRIMARY KEY ("workspaceId","partnershipId","cycleId")
);

-- CreateTable
CREATE TABLE "PillarCycleScore" (
    "workspaceId" TEXT NOT NULL,
    "partnershipId" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "pillarId" TEXT NOT NULL,
    "pillarKey" TEXT NOT NULL,
    "host" DOUBLE PRECISION,
    "partner" DOUBLE PRECISION,
    "combined" DOUBLE PRECISION,

    CONSTRAINT "PillarCycleScore_pkey" PRIMARY KEY ("workspaceId","partnershipId","cycleId","pillarId")
);

-- CreateTable
CREATE TABLE "StatementCycleScore" (
    "workspaceId" TEXT NOT NULL,
    "partnershipId" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "statementId" TEXT NOT NULL,
    "side" "Side" NOT NULL,
    "score" DOUBLE PRECISION,
    "answered" INTEGER NOT NULL,
    "dontKnow" INTEGER NOT NULL,

    CONSTRAINT "StatementCycleScore_pkey" PRIMARY KEY ("workspaceId","partnershipId","cycleId","statementId","side")
);

-- CreateIndex
CREATE INDEX "PartnershipCycleScore_workspaceId_cycleId_idx" ON "PartnershipCycleScore"("workspaceId", "cycleId");

-- CreateIndex
CREATE INDEX "PillarCycleScore_workspaceId_cycleId_idx" ON "PillarCycleScore"("workspaceId", "cycleId");

-- CreateIndex
CREATE INDEX "Partnership_workspaceId_ownerMemberId_idx" ON "Partnership"("workspaceId", "ownerMemberId");

-- AddForeignKey
ALTER TABLE "PartnershipCycleScore" ADD CONSTRAINT "PartnershipCycleScore_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnershipCycleScore" ADD CONSTRAINT "PartnershipCycleScore_workspaceId_partnershipId_fkey" FOREIGN KEY ("workspaceId", "partnershipId") REFERENCES "Partnership"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnershipCycleScore" ADD CONSTRAINT "PartnershipCycleScore_workspaceId_cycleId_fkey" FOREIGN KEY ("workspaceId", "cycleId") REFERENCES "Cycle"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PillarCycleScore" ADD CONSTRAINT "PillarCycleScore_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PillarCycleScore" ADD CONSTRAINT "PillarCycleScore_workspaceId_partnershipId_fkey" FOREIGN KEY ("workspaceId", "partnershipId") REFERENCES "Partnership"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PillarCycleScore" ADD CONSTRAINT "PillarCycleScore_workspaceId_cycleId_fkey" FOREIGN KEY ("workspaceId", "cycleId") REFERENCES "Cycle"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PillarCycleScore" ADD CONSTRAINT "PillarCycleScore_workspaceId_pillarId_fkey" FOREIGN KEY ("workspaceId", "pillarId") REFERENCES "Pillar"("workspaceId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatementCycleScore" ADD CONSTRAINT "StatementCycleScore_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatementCycleScore" ADD CONSTRAINT "StatementCycleScore_workspaceId_partnershipId_fkey" FOREIGN KEY ("workspaceId", "partnershipId") REFERENCES "Partnership"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatementCycleScore" ADD CONSTRAINT "StatementCycleScore_workspaceId_cycleId_fkey" FOREIGN KEY ("workspaceId", "cycleId") REFERENCES "Cycle"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatementCycleScore" ADD CONSTRAINT "StatementCycleScore_workspaceId_statementId_fkey" FOREIGN KEY ("workspaceId", "statementId") REFERENCES "Statement"("workspaceId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Backfill the aggregates for responses submitted before this migration, by the scoring rules of
-- DESIGN.md (mirrored from server/services/aggregates.ts; a migration must not depend on app
-- code). avg() skips nulls, as "Don't know" and unscored pillars are skipped by the app.
INSERT INTO "PillarCycleScore" ("workspaceId", "partnershipId", "cycleId", "pillarId", "pillarKey", "host", "partner", "combined")
SELECT r."workspaceId", r."partnershipId", r."cycleId", s."pillarId", p."key",
       avg(s."score") FILTER (WHERE r."side" = 'HOST'),
       avg(s."score") FILTER (WHERE r."side" = 'PARTNER'),
       NULL
FROM "ResponsePillarScore" s
JOIN "Response" r ON r."workspaceId" = s."workspaceId" AND r."id" = s."responseId"
JOIN "Pillar" p ON p."workspaceId" = s."workspaceId" AND p."id" = s."pillarId"
GROUP BY r."workspaceId", r."partnershipId", r."cycleId", s."pillarId", p."key";

UPDATE "PillarCycleScore"
SET "combined" = CASE WHEN "host" IS NOT NULL AND "partner" IS NOT NULL THEN ("host" + "partner") / 2 ELSE COALESCE("host", "partner") END;

INSERT INTO "PartnershipCycleScore" ("workspaceId", "partnershipId", "cycleId", "health", "hostResponses", "partnerResponses", "updatedAt")
SELECT r."workspaceId", r."partnershipId", r."cycleId", NULL,
       count(*) FILTER (WHERE r."side" = 'HOST'),
       count(*) FILTER (WHERE r."side" = 'PARTNER'),
       CURRENT_TIMESTAMP
FROM "Response" r
GROUP BY r."workspaceId", r."partnershipId", r."cycleId";

UPDATE "PartnershipCycleScore" c
SET "health" = h."health"
FROM (
  SELECT s."workspaceId", s."partnershipId", s."cycleId", sum(s."combined" * p."weight") / NULLIF(sum(p."weight"), 0) AS "health"
  FROM "PillarCycleScore" s
  JOIN "Pillar" p ON p."workspaceId" = s."workspaceId" AND p."id" = s."pillarId"
  WHERE s."combined" IS NOT NULL AND p."weight" > 0
  GROUP BY s."workspaceId", s."partnershipId", s."cycleId"
) h
WHERE c."workspaceId" = h."workspaceId" AND c."partnershipId" = h."partnershipId" AND c."cycleId" = h."cycleId";

INSERT INTO "StatementCycleScore" ("workspaceId", "partnershipId", "cycleId", "statementId", "side", "score", "answered", "dontKnow")
SELECT r."workspaceId", r."partnershipId", r."cycleId", a."statementId", r."side",
       (avg(a."value") - 1) / 4 * 100,
       count(a."value"),
       count(*) FILTER (WHERE a."value" IS NULL)
FROM "Answer" a
JOIN "Response" r ON r."workspaceId" = a."workspaceId" AND r."id" = a."responseId"
GROUP BY r."workspaceId", r."partnershipId", r."cycleId", a."statementId", r."side";
