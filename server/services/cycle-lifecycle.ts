// Opening and closing a cycle: one path for the admin's buttons and the schedule job. Each step
// is an atomic status change, so when several job runs (or an admin and a job) race, exactly
// one of them performs it and the others see it done.
import type { Prisma, PrismaClient } from "../db/generated/client";
import type { TenantDb } from "../db/tenant";
import { syncDefaultParticipants } from "./participants";

type AnyDb = PrismaClient | Prisma.TransactionClient | TenantDb;

// Opens a draft (freezing the current framework version into it) or reopens a closed cycle.
// True when this call opened it.
export async function openCycle(db: AnyDb, workspaceId: string, cycleId: string, now: Date): Promise<boolean> {
  const cycle = await db.cycle.findFirst({ where: { id: cycleId, workspaceId } });
  if (!cycle || cycle.status === "OPEN") return false;
  let claimed: number;
  if (cycle.status === "DRAFT") {
    const latest = await db.frameworkVersion.findFirst({ where: { workspaceId }, orderBy: { version: "desc" }, select: { id: true } });
    ({ count: claimed } = await db.cycle.updateMany({
      where: { id: cycleId, workspaceId, status: "DRAFT" },
      data: { status: "OPEN", openedAt: now, frameworkVersionId: latest?.id ?? cycle.frameworkVersionId },
    }));
  } else {
    // Reopening keeps every answer, and the opening date it had.
    ({ count: claimed } = await db.cycle.updateMany({
      where: { id: cycleId, workspaceId, status: "CLOSED" },
      data: { status: "OPEN", closedAt: null },
    }));
  }
  if (claimed !== 1) return false;
  // People who joined a team or the partner organisation since the cycle was made are asked too.
  await syncDefaultParticipants(db, workspaceId, cycleId);
  return true;
}

// True when this call closed it.
export async function closeCycle(db: AnyDb, workspaceId: string, cycleId: string, now: Date): Promise<boolean> {
  const { count } = await db.cycle.updateMany({
    where: { id: cycleId, workspaceId, status: "OPEN" },
    data: { status: "CLOSED", closedAt: now },
  });
  return count === 1;
}
