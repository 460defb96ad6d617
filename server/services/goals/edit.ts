// Making goals, changing them, and checking them in.
//
// Any participant who may write (either side, and workspace admins) can make a goal and check
// one in. What a goal is (its title, measure, unit, start and target values, dates, owners and
// status) is changed by its owners, the person who made it, the partnership's owner and workspace
// owners/admins; each change is kept as a revision (who, when, each field from what to what).
// Changes and second check-ins are based on the version the person saw; an older one gets
// CONFLICT and changes nothing.
import type { Goal, GoalStatus, Prisma } from "../../db/generated/client";
import type { GoalCtx, WorkCtx, WorkContext, WorkspaceCtx } from "../../access/context";
import { decideGoalEdit } from "../../access/decide";
import { badRequest, conflict } from "../../access/errors";
import { actorOf, partnershipFactsOf } from "../../access/partnership";
import { isUniqueViolation } from "../../db/errors";
import { checkPartnershipPerson } from "../people";
import { todayUtc } from "../actions/overdue";
import { refusePastDueDate } from "../due-dates";
import { checkInCycle } from "./cycle";
import { describeGoalChanges } from "./revisions";

export const STALE_GOAL = "Someone else changed this goal a moment ago; reload to see their change, then make yours again.";

export interface NewGoal {
  title: string;
  measure: string;
  unit?: string;
  startValue?: number;
  targetValue: number;
  startDate?: Date;
  dueDate: Date;
  hostOwnerId?: string | null;
  partnerOwnerId?: string | null;
}

export interface GoalEdit {
  title?: string;
  measure?: string;
  unit?: string;
  startValue?: number;
  targetValue?: number;
  startDate?: Date;
  dueDate?: Date;
  hostOwnerId?: string | null;
  partnerOwnerId?: string | null;
  status?: GoalStatus;
}

async function checkOwners(ctx: WorkspaceCtx, work: WorkContext, owners: { hostOwnerId?: string | null; partnerOwnerId?: string | null }) {
  if (owners.hostOwnerId) await checkPartnershipPerson(ctx, work, owners.hostOwnerId, "HOST", "hostOwnerId");
  if (owners.partnerOwnerId) await checkPartnershipPerson(ctx, work, owners.partnerOwnerId, "PARTNER", "partnerOwnerId");
}

function checkValues(startValue: number, targetValue: number) {
  if (startValue === targetValue) {
    throw badRequest("The target must differ from the start value, or there is no way to measure progress.", "targetValue");
  }
}

function checkDates(startDate: Date, dueDate: Date) {
  if (dueDate <= startDate) throw badRequest("The due date must be after the start date.", "dueDate");
}

export async function createGoal(ctx: WorkCtx, input: NewGoal, now = new Date()) {
  const { work } = ctx;
  const startDate = input.startDate ?? todayUtc(now);
  refusePastDueDate(input.dueDate, now);
  checkDates(startDate, input.dueDate);
  checkValues(input.startValue ?? 0, input.targetValue);
  await checkOwners(ctx, work, input);
  const goal = await ctx.db.goal.create({
    data: {
      workspaceId: ctx.workspace.id,
      partnershipId: work.partnership.id,
      title: input.title,
      measure: input.measure,
      unit: input.unit ?? "",
      startValue: input.startValue ?? 0,
      targetValue: input.targetValue,
      startDate,
      dueDate: input.dueDate,
      hostOwnerId: input.hostOwnerId ?? null,
      partnerOwnerId: input.partnerOwnerId ?? null,
      createdById: ctx.member.id,
    },
  });
  return { id: goal.id, version: goal.version };
}

// Whether this person may change what the goal is (see the top of this file).
export const mayEditGoal = (ctx: WorkCtx, goal: Pick<Goal, "hostOwnerId" | "partnerOwnerId" | "createdById">) =>
  decideGoalEdit(actorOf(ctx), partnershipFactsOf(ctx.work), goal).ok;

// The goal step ("edit") decided that this person may change the goal.
export async function updateGoal(ctx: GoalCtx, input: { version: number; edit: GoalEdit }) {
  const { goal, work } = ctx;
  if (goal.version !== input.version) throw conflict(STALE_GOAL);
  const { edit } = input;
  checkDates(edit.startDate ?? goal.startDate, edit.dueDate ?? goal.dueDate);
  checkValues(edit.startValue ?? goal.startValue, edit.targetValue ?? goal.targetValue);
  await checkOwners(ctx, work, {
    hostOwnerId: edit.hostOwnerId !== goal.hostOwnerId ? edit.hostOwnerId : undefined,
    partnerOwnerId: edit.partnerOwnerId !== goal.partnerOwnerId ? edit.partnerOwnerId : undefined,
  });
  const data: Prisma.GoalUpdateManyMutationInput = {};
  for (const key of ["title", "measure", "unit", "startValue", "targetValue", "startDate", "dueDate", "status"] as const) {
    if (edit[key] !== undefined) Object.assign(data, { [key]: edit[key] });
  }
  const owners: Prisma.GoalUncheckedUpdateManyInput = {};
  if (edit.hostOwnerId !== undefined) owners.hostOwnerId = edit.hostOwnerId;
  if (edit.partnerOwnerId !== undefined) owners.partnerOwnerId = edit.partnerOwnerId;
  const changes = await describeGoalChanges(ctx, goal, edit);
  // Nothing different from what is there: no new version and no revision.
  if (changes.length === 0) return { id: goal.id, version: goal.version };
  await ctx.db.$transaction(async (tx) => {
    const { count } = await tx.goal.updateMany({
      where: { id: goal.id, version: input.version },
      data: { ...data, ...owners, version: { increment: 1 } },
    });
    if (count === 0) throw conflict(STALE_GOAL);
    await tx.goalRevision.create({
      data: {
        workspaceId: ctx.workspace.id,
        goalId: goal.id,
        memberId: ctx.member.id,
        version: input.version + 1,
        changes: changes as unknown as Prisma.InputJsonArray,
      },
    });
  });
  return { id: goal.id, version: input.version + 1 };
}

export interface CheckInInput {
  cycleId?: string | null;
  // The measured value, in the goal's unit.
  value: number;
  note: string;
  // The version of this cycle's check-in the person saw; absent when they saw none.
  version?: number;
}

export async function checkInGoal(ctx: GoalCtx, input: CheckInInput) {
  const { goal } = ctx;
  if (goal.status !== "ACTIVE") throw badRequest("Only an active goal takes check-ins. Set it back to active first.");
  const cycle = await checkInCycle(ctx, input.cycleId);
  if (!cycle) throw badRequest("There is no survey cycle to check in for yet. Goals are checked in once per cycle.");
  const stale = `Someone else checked in this goal for ${cycle.label} a moment ago; reload to see their check-in, then change it if needed.`;
  const values = { value: input.value, note: input.note, memberId: ctx.member.id };

  if (input.version !== undefined) {
    // A second check-in in the cycle changes the first, if it is still the one the person saw.
    const { count } = await ctx.db.goalCheckIn.updateMany({
      where: { goalId: goal.id, cycleId: cycle.id, version: input.version },
      data: { ...values, version: { increment: 1 } },
    });
    if (count === 0) throw conflict(stale);
    return { goalId: goal.id, cycleId: cycle.id, cycleLabel: cycle.label, version: input.version + 1, updated: true };
  }
  try {
    await ctx.db.goalCheckIn.create({ data: { workspaceId: ctx.workspace.id, goalId: goal.id, cycleId: cycle.id, ...values } });
  } catch (error) {
    // The cycle has a check-in already (someone else's, or one made in another tab): the primary
    // key refuses a second row, and the person is told rather than overwriting it unseen.
    if (isUniqueViolation(error)) throw conflict(stale);
    throw error;
  }
  return { goalId: goal.id, cycleId: cycle.id, cycleLabel: cycle.label, version: 1, updated: false };
}
