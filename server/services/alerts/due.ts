// The alerts of a closed cycle, evaluated after the close has committed (by its job, or by the
// sweep that finds a close whose job was lost). Once per close: the cycle's row is locked, its
// "alerts due" mark read and cleared in the same transaction as the alerts written, so two
// evaluations at once run one after the other and the second finds nothing due. The dedupe keys
// of notifyOnce still make a repeated event a no-op, across reopen-and-close too.
import { WORKSPACE, type TenantDb } from "../../db/tenant";
import { evaluateCycleAlerts } from "./evaluate";

// How long one evaluation may take: at 2,000 partnerships it is a few seconds.
const TIMEOUT_MS = 120_000;

// The new notifications' count, or null when nothing was due (evaluated already, or reopened).
export async function evaluateDueAlerts(db: TenantDb, cycleId: string): Promise<number | null> {
  return db.$transaction(
    async (tx) => {
      const due = await tx.$queryScoped<{ id: string }[]>`
        SELECT id FROM "Cycle"
        WHERE "workspaceId" = ${WORKSPACE} AND id = ${cycleId} AND status = 'CLOSED' AND "alertsDueAt" IS NOT NULL
        FOR UPDATE`;
      if (due.length === 0) return null;
      const created = await evaluateCycleAlerts(tx, cycleId);
      await tx.cycle.updateMany({ where: { id: cycleId }, data: { alertsDueAt: null } });
      return created;
    },
    { timeout: TIMEOUT_MS, maxWait: TIMEOUT_MS },
  );
}

// Every closed cycle of the workspace whose alerts are due (tests, `npm run jobs`).
export async function evaluateAllDueAlerts(db: TenantDb): Promise<number> {
  const cycles = await db.cycle.findMany({ where: { status: "CLOSED", alertsDueAt: { not: null } }, select: { id: true } });
  let created = 0;
  for (const cycle of cycles) created += (await evaluateDueAlerts(db, cycle.id)) ?? 0;
  return created;
}
