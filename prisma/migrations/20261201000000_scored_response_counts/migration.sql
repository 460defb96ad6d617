-- AlterTable
ALTER TABLE "PartnershipCycleScore" ADD COLUMN     "hostScored" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "partnerScored" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "PillarCycleScore" ADD COLUMN     "hostScored" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "partnerScored" INTEGER NOT NULL DEFAULT 0;


-- Backfill from the stored answers, as server/services/aggregates.ts counts them: per side, the
-- responses with at least one answer other than "Don't know" (in the cycle, and in each pillar).
UPDATE "PartnershipCycleScore" c
SET "hostScored" = n."host", "partnerScored" = n."partner"
FROM (
  SELECT r."workspaceId", r."partnershipId", r."cycleId",
         count(DISTINCT r."id") FILTER (WHERE r."side" = 'HOST')::int AS "host",
         count(DISTINCT r."id") FILTER (WHERE r."side" = 'PARTNER')::int AS "partner"
  FROM "Response" r
  JOIN "Answer" a ON a."workspaceId" = r."workspaceId" AND a."responseId" = r."id"
  WHERE a."value" IS NOT NULL
  GROUP BY r."workspaceId", r."partnershipId", r."cycleId"
) n
WHERE c."workspaceId" = n."workspaceId" AND c."partnershipId" = n."partnershipId" AND c."cycleId" = n."cycleId";

UPDATE "PillarCycleScore" x
SET "hostScored" = n."host", "partnerScored" = n."partner"
FROM (
  SELECT r."workspaceId", r."partnershipId", r."cycleId", s."pillarId",
         count(DISTINCT r."id") FILTER (WHERE r."side" = 'HOST')::int AS "host",
         count(DISTINCT r."id") FILTER (WHERE r."side" = 'PARTNER')::int AS "partner"
  FROM "Response" r
  JOIN "Answer" a ON a."workspaceId" = r."workspaceId" AND a."responseId" = r."id"
  JOIN "Statement" s ON s."workspaceId" = a."workspaceId" AND s."id" = a."statementId"
  WHERE a."value" IS NOT NULL
  GROUP BY r."workspaceId", r."partnershipId", r."cycleId", s."pillarId"
) n
WHERE x."workspaceId" = n."workspaceId" AND x."partnershipId" = n."partnershipId" AND x."cycleId" = n."cycleId"
  AND x."pillarId" = n."pillarId";
