-- Goals with measures: a unit, a start value and a target value instead of a free-text target,
-- and check-ins that record the measured value instead of a self-reported percentage.
--
-- Nothing is lost. An old target is parsed where it reads as a number: "$2.0M" -> unit "$",
-- 2000000; "20 deals" -> 20 "deals"; "50%" -> 50 "%"; "40" -> 40 with no unit; the start value
-- is 0. A target that does not parse (or parses to 0, the start) becomes unit "%" from 0 to 100,
-- and its text is appended to the measure ("... (target: text)"). An old check-in's progress p
-- becomes the value start + p% x (target - start), which gives back the same progress.
--
-- The rows of every workspace are rewritten, so this transaction reads and writes across
-- workspaces (row-level security holds the table owner too).
SELECT set_config('app.cross_workspace', 'on', true);

-- The parse rules, kept as a function so tests check the very expression this migration ran
-- (tests/integration/goal-target-parse.test.ts) against its TypeScript twin
-- (server/services/goals/parse-target.ts). Returns NULLs when the text does not parse.
CREATE OR REPLACE FUNCTION ph_goal_target_parse(t text, OUT unit text, OUT target double precision)
LANGUAGE sql IMMUTABLE AS $fn$
  SELECT
    CASE WHEN ok THEN coalesce(m[1], CASE WHEN m[4] IS NULL THEN '' ELSE btrim(m[4]) END) END,
    CASE WHEN ok THEN n END
  FROM (
    SELECT m, n,
      m IS NOT NULL AND n <> 0 AND NOT (m[1] IS NOT NULL AND m[4] IS NOT NULL) AND length(btrim(coalesce(m[4], ''))) <= 40 AS ok
    FROM (
      SELECT m,
        CASE WHEN m IS NULL THEN NULL ELSE
          replace(m[2], ',', '')::double precision
          * CASE lower(coalesce(m[3], '')) WHEN 'k' THEN 1e3 WHEN 'm' THEN 1e6 WHEN 'b' THEN 1e9 WHEN 'bn' THEN 1e9 ELSE 1 END
        END AS n
      FROM (
        SELECT regexp_match(
          t,
          '^\s*([$€£])?\s*([0-9][0-9,]*(?:\.[0-9]+)?|\.[0-9]+)\s*(?:(bn|k|m|b)(?![a-z]))?\s*(%|[a-z][a-z ./''-]*)?\s*$',
          'i'
        ) AS m
      ) matched
    ) numbered
  ) decided
$fn$;

ALTER TABLE "Goal"
ADD COLUMN "unit" TEXT NOT NULL DEFAULT '',
ADD COLUMN "startValue" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN "targetValue" DOUBLE PRECISION;

UPDATE "Goal" g
SET "unit" = p.unit, "targetValue" = p.target
FROM (SELECT "workspaceId", "id", (ph_goal_target_parse("target")).* FROM "Goal") p
WHERE p."workspaceId" = g."workspaceId" AND p."id" = g."id" AND p.target IS NOT NULL;

UPDATE "Goal"
SET "unit" = '%', "startValue" = 0, "targetValue" = 100, "measure" = "measure" || ' (target: ' || "target" || ')'
WHERE "targetValue" IS NULL;

ALTER TABLE "Goal" ALTER COLUMN "targetValue" SET NOT NULL, DROP COLUMN "target";

ALTER TABLE "GoalCheckIn" ADD COLUMN "value" DOUBLE PRECISION;

UPDATE "GoalCheckIn" c
SET "value" = g."startValue" + c."progress" / 100.0 * (g."targetValue" - g."startValue")
FROM "Goal" g
WHERE g."workspaceId" = c."workspaceId" AND g."id" = c."goalId";

ALTER TABLE "GoalCheckIn" ALTER COLUMN "value" SET NOT NULL, DROP COLUMN "progress";

-- CreateTable
CREATE TABLE "GoalRevision" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "goalId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "changes" JSONB NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GoalRevision_pkey" PRIMARY KEY ("workspaceId","id")
);

-- CreateIndex
CREATE INDEX "GoalRevision_workspaceId_goalId_at_idx" ON "GoalRevision"("workspaceId", "goalId", "at");

-- AddForeignKey
ALTER TABLE "GoalRevision" ADD CONSTRAINT "GoalRevision_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "GoalRevision" ADD CONSTRAINT "GoalRevision_workspaceId_goalId_fkey" FOREIGN KEY ("workspaceId", "goalId") REFERENCES "Goal"("workspaceId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "GoalRevision" ADD CONSTRAINT "GoalRevision_workspaceId_memberId_fkey" FOREIGN KEY ("workspaceId", "memberId") REFERENCES "Member"("workspaceId", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- Row-level security for the new tenant table, as for every other.
SELECT ph_tenant_isolation();
