// Making actions by hand and changing them.
//
// Who may change what (every change needs "write" on the partnership: its participants on either
// side and workspace admins; executives and archived partnerships are read-only):
// - status and notes: anyone who may write, so whoever finishes the work can say so;
// - title, owner, by-when date and pillar (what was agreed): the action's owner, the person who
//   made it, the partnership's owner, and workspace owners/admins. An action nobody owns yet (one
//   a retro made) may be taken on by any writer, as its owner.
//
// Every change is based on the version the person saw: an older one is refused with CONFLICT
// and changes nothing, so an owner editing an action never overwrites what someone else just
// changed. The change and its history event are written in one transaction.
import type { Action, ActionStatus, Prisma } from "../../db/generated/client";
import type { ActionCtx, WorkCtx, WorkspaceCtx } from "../../access/context";
import { decideActionDetails } from "../../access/decide";
import { badRequest, conflict } from "../../access/errors";
import { actorOf, enforce, partnershipFactsOf } from "../../access/partnership";
import { refusePastDueDate } from "../due-dates";
import { checkPartnershipPerson } from "../people";
import { currentPillars } from "./pillars";
import { createAction, recordActionEvent, type ActionChanges } from "./record";

export const STALE_ACTION = "Someone else changed this action a moment ago; reload to see their change, then make yours again.";

export interface AddActionInput {
  title: string;
  ownerMemberId: string;
  dueDate: Date;
  pillarKey?: string | null;
  notes?: string;
}

export interface ActionEdit {
  title?: string;
  ownerMemberId?: string;
  dueDate?: Date;
  pillarKey?: string | null;
  notes?: string;
  status?: ActionStatus;
}

async function checkPillar(ctx: WorkspaceCtx, pillarKey: string | null | undefined) {
  if (!pillarKey) return;
  const pillars = await currentPillars(ctx.db);
  if (!pillars.some((p) => p.key === pillarKey)) throw badRequest("Choose one of the framework's pillars, or none.", "pillarKey");
}

export async function addAction(ctx: WorkCtx, input: AddActionInput, now = new Date()) {
  const { work } = ctx;
  refusePastDueDate(input.dueDate, now);
  await checkPartnershipPerson(ctx, work, input.ownerMemberId);
  await checkPillar(ctx, input.pillarKey);
  // The cycle it was agreed in, so the next cycle's scorecard can set it beside the scores.
  const cycle = await ctx.db.cycle.findFirst({ where: { status: "OPEN" }, orderBy: { opensAt: "desc" }, select: { id: true } });
  const action = await ctx.db.$transaction((tx) =>
    createAction(tx, ctx.member.id, {
      partnershipId: work.partnership.id,
      title: input.title,
      notes: input.notes ?? "",
      ownerMemberId: input.ownerMemberId,
      dueDate: input.dueDate,
      pillarKey: input.pillarKey ?? null,
      cycleId: cycle?.id ?? null,
    }),
  );
  return { id: action.id, version: action.version };
}

// Whether this person may change what was agreed (see the top of this file).
export const mayEditDetails = (ctx: WorkCtx, action: Pick<Action, "ownerMemberId" | "createdById">) =>
  decideActionDetails(actorOf(ctx), partnershipFactsOf(ctx.work), action).ok;

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

// The fields that really change, as [before, after], with the update they make.
function diff(action: Action, edit: ActionEdit, now: Date) {
  const changes: ActionChanges = {};
  const data: Prisma.ActionUncheckedUpdateManyInput = {};
  if (edit.title !== undefined && edit.title !== action.title) {
    changes.title = [action.title, edit.title];
    data.title = edit.title;
  }
  if (edit.ownerMemberId !== undefined && edit.ownerMemberId !== action.ownerMemberId) {
    changes.owner = [action.ownerMemberId, edit.ownerMemberId];
    data.ownerMemberId = edit.ownerMemberId;
  }
  if (edit.dueDate !== undefined && day(edit.dueDate) !== day(action.dueDate)) {
    changes.dueDate = [day(action.dueDate), day(edit.dueDate)];
    data.dueDate = edit.dueDate;
  }
  if (edit.pillarKey !== undefined && (edit.pillarKey ?? null) !== action.pillarKey) {
    changes.pillar = [action.pillarKey, edit.pillarKey ?? null];
    data.pillarKey = edit.pillarKey ?? null;
  }
  if (edit.notes !== undefined && edit.notes !== action.notes) {
    changes.notes = [action.notes, edit.notes];
    data.notes = edit.notes;
  }
  if (edit.status !== undefined && edit.status !== action.status) {
    changes.status = [action.status, edit.status];
    data.status = edit.status;
    // doneAt dates the work for the scorecard; reopening an action takes it back.
    if (edit.status === "DONE") data.doneAt = now;
    else if (action.status === "DONE") data.doneAt = null;
  }
  return { changes, data };
}

export async function updateAction(ctx: ActionCtx, input: { version: number; edit: ActionEdit }, now = new Date()) {
  const { action, work } = ctx;
  if (action.version !== input.version) throw conflict(STALE_ACTION);

  const { changes, data } = diff(action, input.edit, now);
  if (Object.keys(changes).length === 0) return { id: action.id, version: action.version, changed: [] as string[] };

  const agreed = ["title", "owner", "dueDate", "pillar"].filter((k) => k in changes);
  const claiming = agreed.length === 1 && agreed[0] === "owner" && action.ownerMemberId === null && data.ownerMemberId === ctx.member.id;
  if (agreed.length && !claiming) enforce(decideActionDetails(actorOf(ctx), partnershipFactsOf(work), action));
  if (typeof data.ownerMemberId === "string") await checkPartnershipPerson(ctx, work, data.ownerMemberId);
  if ("pillar" in changes) await checkPillar(ctx, data.pillarKey as string | null);
  // Moving the date is agreeing a new one, so it is today or later too; an untouched old date stays.
  if (data.dueDate instanceof Date) refusePastDueDate(data.dueDate, now);

  return ctx.db.$transaction(async (tx) => {
    // The version in the condition makes the check and the write one step: of two changes based
    // on the same version, the second finds no row and changes nothing.
    const { count } = await tx.action.updateMany({
      where: { id: action.id, version: input.version },
      data: { ...data, version: { increment: 1 } },
    });
    if (count === 0) throw conflict(STALE_ACTION);
    await recordActionEvent(tx, action.id, ctx.member.id, changes);
    return { id: action.id, version: input.version + 1, changed: Object.keys(changes) };
  });
}
