// Opening and closing a cycle: one path for the admin's buttons and the schedule job. Each step
// is an atomic status change, so when several job runs (or an admin and a job) race, exactly
// one of them performs it and the others see it done. Closing also marks the cycle's alerts due.
import type { Prisma } from "../db/generated/client";
import type { TenantClient } from "../db/tenant";
import { background } from "./background";
import { reportCycleClosed, reportCycleOpened } from "./chat/report";
import { latestFrameworkVersion } from "./framework";
import { syncDefaultParticipants } from "./participants";
import { emitWebhookEvent, inTransaction } from "./webhooks/emit";
import { cycleState } from "./webhooks/refs";

// Makes a cycle on the workspace's current framework version, with its default participants, so
// the list of people asked exists from the start and can be adjusted before it opens. The one
// way cycles are made: by admins, by the schedule, and by the test and demo factories. Null when
// the workspace has no framework.
export async function newCycle(db: TenantClient, data: Omit<Prisma.CycleUncheckedCreateInput, "workspaceId" | "frameworkVersionId">) {
  const version = await latestFrameworkVersion(db);
  if (!version) return null;
  const cycle = await db.cycle.create({ data: { ...data, workspaceId: db.$workspaceId, frameworkVersionId: version.id } });
  await syncDefaultParticipants(db, cycle.id);
  return cycle;
}

// Opens a draft (freezing the current framework version into it) or reopens a closed cycle.
// True when this call opened it.
export async function openCycle(db: TenantClient, cycleId: string, now: Date): Promise<boolean> {
  const cycle = await db.cycle.findFirst({ where: { id: cycleId } });
  if (!cycle || cycle.status === "OPEN") return false;
  const latest = cycle.status === "DRAFT" ? await latestFrameworkVersion(db) : null;
  const claimed = await inTransaction(db, async (tx) => {
    const { count } =
      cycle.status === "DRAFT"
        ? await tx.cycle.updateMany({
            where: { id: cycleId, status: "DRAFT" },
            data: { status: "OPEN", openedAt: now, frameworkVersionId: latest?.id ?? cycle.frameworkVersionId },
          })
        : // Reopening keeps every answer, and the opening date it had.
          await tx.cycle.updateMany({ where: { id: cycleId, status: "CLOSED" }, data: { status: "OPEN", closedAt: null } });
    if (count === 1) {
      await emitWebhookEvent(
        tx,
        "cycle.opened",
        async (s) => ({ cycle: await cycleState(tx, s, cycleId), reopened: cycle.status === "CLOSED" }),
        now,
      );
    }
    return count;
  });
  if (claimed !== 1) return false;
  // People who joined a team or the partner organisation since the cycle was made are asked too.
  await syncDefaultParticipants(db, cycleId);
  if (cycle.status === "DRAFT") await reportCycleOpened(db, cycleId);
  return true;
}

// True when this call closed it. The alerts of the closed cycle are evaluated after the commit,
// by a job (alerts/due.ts): at 2,000 partnerships the evaluation took seconds inside the closing
// transaction. The close marks them due in the same update, so no close is ever left without its
// evaluation, and the evaluation clears the mark with the alerts it writes, so it happens once.
export async function closeCycle(db: TenantClient, cycleId: string, now: Date): Promise<boolean> {
  const count = await inTransaction(db, async (tx) => {
    const { count } = await tx.cycle.updateMany({
      where: { id: cycleId, status: "OPEN" },
      data: { status: "CLOSED", closedAt: now, alertsDueAt: now },
    });
    if (count === 1) await emitWebhookEvent(tx, "cycle.closed", async (s) => ({ cycle: await cycleState(tx, s, cycleId) }), now);
    return count;
  });
  if (count === 1) background.alertsDue();
  if (count === 1) await reportCycleClosed(db, cycleId);
  return count === 1;
}
