// Owning the actions a retro made: someone from either side volunteers for each (taking it on
// themselves, with a by-when date and optionally the pillar it serves), or the facilitator names
// an owner. Two people volunteering at once: the conditional update lets exactly one through.
import { WORKSPACE, type TenantTx } from "../../db/tenant";
import type { RetroCtx, WorkspaceCtx } from "../../access/context";
import { recordActionEvent, type ActionChanges } from "../actions/record";
import { badRequest, conflict } from "../../access/errors";
import { refusePastDueDate } from "../due-dates";
import { checkPartnershipPerson } from "../people";
import { attend, lockRetro } from "./lock";
import { cyclePillars } from "./reads";
import { PHASE_LABEL } from "./rules";

const isoDay = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

async function checkPillar(ctx: WorkspaceCtx, cycleId: string, pillarKey: string | null | undefined) {
  if (!pillarKey) return null;
  const pillars = await cyclePillars(ctx.db, cycleId);
  if (!pillars.some((p) => p.key === pillarKey)) throw badRequest("Choose one of the framework's pillars, or none.", "pillarKey");
  return pillarKey;
}

async function checkAssigning(tx: TenantTx, retroId: string) {
  const { phase } = await lockRetro(tx, retroId, "share");
  if (phase !== "ASSIGNING") throw badRequest(`Actions are taken on while assigning; the retro is now at: ${PHASE_LABEL[phase]}.`);
}

function changesOf(
  before: { ownerMemberId: string | null; dueDate: Date | null; pillarKey: string | null },
  after: { ownerMemberId: string; dueDate: Date; pillarKey: string | null },
): ActionChanges {
  const changes: ActionChanges = {};
  if (before.ownerMemberId !== after.ownerMemberId) changes.owner = [before.ownerMemberId, after.ownerMemberId];
  if (isoDay(before.dueDate) !== isoDay(after.dueDate)) changes.dueDate = [isoDay(before.dueDate), isoDay(after.dueDate)];
  if (before.pillarKey !== after.pillarKey) changes.pillar = [before.pillarKey, after.pillarKey];
  return changes;
}

// The action's row, locked for the rest of the transaction, so what it was before this change is
// exactly what its history records.
async function lockedAction(tx: TenantTx, actionId: string) {
  await tx.$queryScoped`SELECT 1 FROM "Action" WHERE id = ${actionId} AND "workspaceId" = ${WORKSPACE} FOR UPDATE`;
  return tx.action.findFirstOrThrow({
    where: { id: actionId },
    select: { ownerMemberId: true, dueDate: true, pillarKey: true, version: true, owner: { select: { user: { select: { name: true } } } } },
  });
}

// The retro-action step loaded the action with its retro.
type RetroActionCtx = RetroCtx & { action: { id: string } };

export async function volunteer(ctx: RetroActionCtx, input: { dueDate: Date; pillarKey?: string | null }) {
  const { action, retro } = ctx;
  refusePastDueDate(input.dueDate);
  const pillarKey = await checkPillar(ctx, retro.cycleId, input.pillarKey);
  const me = ctx.member.id;
  return ctx.db.$transaction(async (tx) => {
    await checkAssigning(tx, retro.id);
    const before = await lockedAction(tx, action.id);
    const alreadyTaken = () =>
      conflict(`Already taken by ${before.ownerMemberId === me ? "you" : (before.owner?.user.name ?? "someone else")}.`);
    if (before.ownerMemberId) throw alreadyTaken();
    // Conditional on nobody owning it, whatever the lock above already guarantees.
    const taken = await tx.action.updateMany({
      where: { id: action.id, ownerMemberId: null },
      data: { ownerMemberId: me, dueDate: input.dueDate, pillarKey, version: { increment: 1 } },
    });
    if (taken.count === 0) throw alreadyTaken();
    await recordActionEvent(tx, action.id, me, changesOf(before, { ownerMemberId: me, dueDate: input.dueDate, pillarKey }));
    await attend(tx, ctx);
    return { actionId: action.id, ownerMemberId: me, version: before.version + 1 };
  });
}

// The facilitator names an owner (from either side) with a date, or changes one. `version` is the
// action's as their page showed it, so a volunteer who got there first is not overwritten unseen.
export async function assignAction(
  ctx: RetroActionCtx,
  input: { memberId: string; dueDate: Date; pillarKey?: string | null; version: number },
) {
  const { action, retro, work } = ctx;
  refusePastDueDate(input.dueDate);
  const pillarKey = await checkPillar(ctx, retro.cycleId, input.pillarKey);
  const person = await checkPartnershipPerson(ctx, work, input.memberId, undefined, "memberId");
  return ctx.db.$transaction(async (tx) => {
    await checkAssigning(tx, retro.id);
    const before = await lockedAction(tx, action.id);
    const changed = await tx.action.updateMany({
      where: { id: action.id, version: input.version },
      data: { ownerMemberId: person.memberId, dueDate: input.dueDate, pillarKey, version: { increment: 1 } },
    });
    if (changed.count === 0) throw conflict("Someone else changed this action a moment ago; reload to see their change.");
    const after = { ownerMemberId: person.memberId, dueDate: input.dueDate, pillarKey };
    await recordActionEvent(tx, action.id, ctx.member.id, changesOf(before, after));
    await attend(tx, ctx);
    return { actionId: action.id, ownerMemberId: person.memberId, version: input.version + 1 };
  });
}
