-- At most one open cycle per workspace. Two open at once left a partner owing two surveys for one
-- partnership, and the portfolio's response rates followed whichever was newer. The rule is the
-- service's (server/services/cycles.ts says why an opening is refused); this index is the same
-- rule where two openings racing each other (an admin and the schedule) cannot both pass.
--
-- A workspace that has more than one open cycle keeps its newest open (by opening date) and the
-- others are closed now, exactly as closing by hand does: every response is kept, and their
-- alerts are marked due (the alerts job evaluates them).
UPDATE "Cycle" c
   SET status = 'CLOSED', "closedAt" = now(), "alertsDueAt" = now()
 WHERE c.status = 'OPEN'
   AND EXISTS (
     SELECT 1 FROM "Cycle" n
      WHERE n."workspaceId" = c."workspaceId" AND n.status = 'OPEN'
        AND (n."opensAt" > c."opensAt" OR (n."opensAt" = c."opensAt" AND n.id > c.id))
   );

CREATE UNIQUE INDEX "Cycle_one_open_per_workspace" ON "Cycle" ("workspaceId") WHERE status = 'OPEN';

-- The cycle a survey email is about, so deleting a cycle or undoing its opening drops what is
-- still unsent. Emails queued before this migration name none; they are sent or dropped as before.
ALTER TABLE "OutboxEmail" ADD COLUMN "cycleId" TEXT;

CREATE INDEX "OutboxEmail_workspaceId_cycleId_idx" ON "OutboxEmail"("workspaceId", "cycleId");
