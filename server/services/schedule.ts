// The schedule jobs, for one workspace (server/jobs/ fans them out, one job per workspace): when it is on a
// schedule, create the current period's cycle, open cycles whose window has started, close those
// whose window has ended; and send the reminders that are due. Every step happens exactly once however often the job runs, and on however many
// app instances: creation through the unique (workspace, label) key, opening and closing through
// atomic status changes, reminders through ReminderSent's primary key.
import type { Workspace } from "../db/generated/client";
import type { TenantDb } from "../db/tenant";
import { closeCycle, newCycle, openCycle } from "./cycle-lifecycle";
import { isUniqueViolation } from "../db/errors";
import { periodOf, windowOf } from "./periods";
import { sendDueReminders } from "./reminders";
import { reportClosingSoon } from "./chat/report";

export interface ScheduleResult {
  created: string[];
  opened: string[];
  closed: string[];
  reminders: number;
}

async function createCurrentCycle(
  db: TenantDb,
  workspace: Pick<Workspace, "id" | "cadence" | "cycleOpenDay" | "cycleLengthDays">,
  now: Date,
) {
  const period = periodOf(workspace.cadence, now);
  const { opensAt, closesAt } = windowOf(period, workspace.cycleOpenDay, workspace.cycleLengthDays);
  // A window that has already ended is not worth creating; the next period's will come.
  if (closesAt <= now) return null;
  if (await db.cycle.findUnique({ where: { workspaceId_label: { workspaceId: workspace.id, label: period.label } } })) return null;
  try {
    const cycle = await newCycle(db, { label: period.label, opensAt, closesAt, scheduled: true });
    return cycle?.label ?? null;
  } catch (error) {
    // Another run created it first.
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}

// Create, open and close the workspace's cycles as its schedule says (the survey-schedule job).
export async function runSurveySchedule(db: TenantDb, now = new Date()): Promise<Omit<ScheduleResult, "reminders">> {
  const result: Omit<ScheduleResult, "reminders"> = { created: [], opened: [], closed: [] };
  const workspace = await db.workspace.findUniqueOrThrow({ where: { id: db.$workspaceId } });
  if (!workspace.autoSchedule) return result;
  const created = await createCurrentCycle(db, workspace, now);
  if (created) result.created.push(`${workspace.slug}/${created}`);

  // Closing first: a workspace runs one cycle at a time, so the next opens once the last has closed.
  const dueToClose = await db.cycle.findMany({ where: { status: "OPEN", closesAt: { lte: now } } });
  for (const cycle of dueToClose) {
    if (await closeCycle(db, cycle.id, now)) result.closed.push(`${workspace.slug}/${cycle.label}`);
  }

  // Oldest first; while a cycle is open (one an admin opened by hand, say) the next waits, draft,
  // for a later run.
  const dueToOpen = await db.cycle.findMany({
    where: { status: "DRAFT", opensAt: { lte: now }, closesAt: { gt: now } },
    orderBy: { opensAt: "asc" },
  });
  for (const cycle of dueToOpen) {
    if (await db.cycle.findFirst({ where: { status: "OPEN" }, select: { id: true } })) break;
    try {
      if (await openCycle(db, cycle.id, now)) result.opened.push(`${workspace.slug}/${cycle.label}`);
    } catch (error) {
      // An admin opened another in the same moment.
      if (!isUniqueViolation(error)) throw error;
      break;
    }
  }
  return result;
}

// Reminders for every open cycle, including those opened by hand and in workspaces whose
// schedule is off: reminding is part of a cycle being open (the survey-reminders job).
export async function runSurveyReminders(db: TenantDb, now = new Date()): Promise<number> {
  const workspace = await db.workspace.findUniqueOrThrow({ where: { id: db.$workspaceId } });
  const open = await db.cycle.findMany({ where: { status: "OPEN", closesAt: { gt: now } } });
  let reminders = 0;
  for (const cycle of open) {
    reminders += await sendDueReminders(db, workspace, cycle, now);
    await reportClosingSoon(db, cycle, now);
  }
  return reminders;
}

// Both, in order: what one tick does for a workspace (tests and `npm run jobs -- --now`).
export async function runSchedule(db: TenantDb, now = new Date()): Promise<ScheduleResult> {
  const schedule = await runSurveySchedule(db, now);
  return { ...schedule, reminders: await runSurveyReminders(db, now) };
}
