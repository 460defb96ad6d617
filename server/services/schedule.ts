// The schedule job: for every workspace on a schedule, create the current period's cycle, open
// cycles whose window has started, close those whose window has ended, and send the reminders
// that are due. Every step happens exactly once however often the job runs, and on however many
// app instances: creation through the unique (workspace, label) key, opening and closing through
// atomic status changes, reminders through ReminderSent's primary key.
import type { PrismaClient } from "../db/generated/client";
import { closeCycle, newCycle, openCycle } from "./cycle-lifecycle";
import { isUniqueViolation } from "./errors";
import { periodOf, windowOf } from "./periods";
import { sendDueReminders } from "./reminders";

export interface ScheduleResult {
  created: string[];
  opened: string[];
  closed: string[];
  reminders: number;
}

async function createCurrentCycle(
  db: PrismaClient,
  workspace: { id: string; cadence: "MONTHLY" | "QUARTERLY" | "HALF_YEARLY"; cycleOpenDay: number; cycleLengthDays: number },
  now: Date,
) {
  const period = periodOf(workspace.cadence, now);
  const { opensAt, closesAt } = windowOf(period, workspace.cycleOpenDay, workspace.cycleLengthDays);
  // A window that has already ended is not worth creating; the next period's will come.
  if (closesAt <= now) return null;
  if (await db.cycle.findUnique({ where: { workspaceId_label: { workspaceId: workspace.id, label: period.label } } })) return null;
  try {
    const cycle = await newCycle(db, workspace.id, { label: period.label, opensAt, closesAt, scheduled: true });
    return cycle?.label ?? null;
  } catch (error) {
    // Another run created it first.
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}

// `workspaceIds` limits a run to some workspaces (tests, or one workspace's "run now"); by
// default it covers all.
export async function runSchedule(db: PrismaClient, now = new Date(), workspaceIds?: string[]): Promise<ScheduleResult> {
  const result: ScheduleResult = { created: [], opened: [], closed: [], reminders: 0 };
  const scope = workspaceIds ? { workspaceId: { in: workspaceIds } } : {};
  const workspaces = await db.workspace.findMany({ where: { autoSchedule: true, ...(workspaceIds ? { id: { in: workspaceIds } } : {}) } });
  for (const workspace of workspaces) {
    const created = await createCurrentCycle(db, workspace, now);
    if (created) result.created.push(`${workspace.slug}/${created}`);

    const dueToOpen = await db.cycle.findMany({
      where: { workspaceId: workspace.id, status: "DRAFT", opensAt: { lte: now }, closesAt: { gt: now } },
    });
    for (const cycle of dueToOpen) {
      if (await openCycle(db, workspace.id, cycle.id, now)) result.opened.push(`${workspace.slug}/${cycle.label}`);
    }

    const dueToClose = await db.cycle.findMany({ where: { workspaceId: workspace.id, status: "OPEN", closesAt: { lte: now } } });
    for (const cycle of dueToClose) {
      if (await closeCycle(db, workspace.id, cycle.id, now)) result.closed.push(`${workspace.slug}/${cycle.label}`);
    }
  }

  // Reminders for every open cycle, including those opened by hand and in workspaces whose
  // schedule is off: reminding is part of a cycle being open.
  const open = await db.cycle.findMany({ where: { status: "OPEN", closesAt: { gt: now }, ...scope } });
  for (const cycle of open) result.reminders += await sendDueReminders(db, cycle, now);
  return result;
}
