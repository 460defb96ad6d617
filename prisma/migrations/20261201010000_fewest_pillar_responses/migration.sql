-- AlterTable
ALTER TABLE "PartnershipCycleScore" ADD COLUMN     "minHostScored" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "minPartnerScored" INTEGER NOT NULL DEFAULT 0;



-- Backfill from the stored pillar figures, as server/services/aggregates.ts computes it: per side,
-- the fewest responses behind any pillar with a combined score (0 when none has one).
UPDATE "PartnershipCycleScore" c
SET "minHostScored" = m."host", "minPartnerScored" = m."partner"
FROM (
  SELECT "workspaceId", "partnershipId", "cycleId", min("hostScored") AS "host", min("partnerScored") AS "partner"
  FROM "PillarCycleScore"
  WHERE "combined" IS NOT NULL
  GROUP BY "workspaceId", "partnershipId", "cycleId"
) m
WHERE c."workspaceId" = m."workspaceId" AND c."partnershipId" = m."partnershipId" AND c."cycleId" = m."cycleId";
