-- AlterTable
ALTER TABLE "PartnershipCycleScore" ADD COLUMN     "gap" DOUBLE PRECISION,
ADD COLUMN     "gapHigher" "Side",
ADD COLUMN     "gapPillarKey" TEXT;


-- Backfill from the stored pillar figures, as server/services/scoring.ts largestGap picks it: the
-- largest |host - partner|, the first pillar in framework order on a tie.
UPDATE "PartnershipCycleScore" c
SET "gap" = g."gap", "gapPillarKey" = g."pillarKey", "gapHigher" = g."higher"
FROM (
  SELECT DISTINCT ON (s."workspaceId", s."partnershipId", s."cycleId")
         s."workspaceId", s."partnershipId", s."cycleId", s."pillarKey",
         abs(s."host" - s."partner") AS "gap",
         (CASE WHEN s."host" > s."partner" THEN 'HOST' WHEN s."partner" > s."host" THEN 'PARTNER' END)::"Side" AS "higher"
  FROM "PillarCycleScore" s
  JOIN "Pillar" p ON p."workspaceId" = s."workspaceId" AND p."id" = s."pillarId"
  WHERE s."host" IS NOT NULL AND s."partner" IS NOT NULL
  ORDER BY s."workspaceId", s."partnershipId", s."cycleId", abs(s."host" - s."partner") DESC, p."position" ASC
) g
WHERE c."workspaceId" = g."workspaceId" AND c."partnershipId" = g."partnershipId" AND c."cycleId" = g."cycleId";
