// Taking back a cycle made or opened by mistake: deleting a draft, or an open cycle nobody has
// answered yet, and undoing an opening nobody has answered yet. Nothing with an answer in it is
// ever deleted, and a cycle a retro, an action or a goal's check-in points at stays.
//
// Both run in one transaction that first locks the cycle's row: a response or a draft being saved
// at that moment takes a key-share lock on the same row (its foreign key), so it either committed
// before the check (and the check refuses) or waits, and then fails on the missing cycle or finds
// it a draft again and is refused as for any draft. No answer can slip in between check and change.
import type { CycleCtx } from "../access/context";
import { badRequest } from "../access/errors";
import { WORKSPACE, byId, type TenantTx } from "../db/tenant";
import { withdrawChatAbout } from "./chat/outbox";

export interface CycleUsage {
  responses: number;
  drafts: number;
  retros: number;
  actions: number;
  checkIns: number;
}

async function usageOf(tx: TenantTx, cycleId: string): Promise<CycleUsage> {
  const [responses, drafts, retros, actions, checkIns] = await Promise.all([
    tx.response.count({ where: { cycleId } }),
    tx.responseDraft.count({ where: { cycleId } }),
    tx.retro.count({ where: { cycleId } }),
    tx.action.count({ where: { cycleId } }),
    tx.goalCheckIn.count({ where: { cycleId } }),
  ]);
  return { responses, drafts, retros, actions, checkIns };
}

// Why this cycle may not be taken back, in words; null when it may.
export function whyKept(label: string, status: "DRAFT" | "OPEN" | "CLOSED", usage: CycleUsage, undo: "delete" | "unopen"): string | null {
  if (undo === "unopen" && status !== "OPEN") return `${label} is not open, so there is no opening to undo.`;
  if (status === "CLOSED") return `${label} is closed: a closed cycle is part of the history and is never deleted.`;
  const answered = usage.responses + usage.drafts;
  if (answered > 0) {
    const what = usage.responses > 0 ? plural(usage.responses, "response") : plural(usage.drafts, "saved draft");
    return `${label} already has ${what}, which would be lost. Close it instead when its time is up.`;
  }
  const tied = [
    usage.retros && plural(usage.retros, "retro"),
    usage.actions && plural(usage.actions, "action"),
    usage.checkIns && plural(usage.checkIns, "goal check-in"),
  ].filter(Boolean);
  if (tied.length && undo === "delete") return `${label} has ${tied.join(" and ")} that refer to it, so it stays.`;
  return null;
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;

async function lockedCycle(tx: TenantTx, cycleId: string) {
  await tx.$queryScoped`SELECT 1 FROM "Cycle" WHERE id = ${cycleId} AND "workspaceId" = ${WORKSPACE} FOR UPDATE`;
  return tx.cycle.findUniqueOrThrow({ where: byId(tx, cycleId) });
}

// The survey emails of this cycle still waiting to be sent are kept, marked dropped with the
// reason (admins see them in the outbox); those already sent cannot be called back.
async function dropUnsentEmails(tx: TenantTx, cycleId: string, reason: string, now: Date) {
  const { count } = await tx.outboxEmail.updateMany({
    where: { cycleId, sentAt: null, droppedAt: null },
    data: { droppedAt: now, dropReason: reason },
  });
  return count;
}

export async function deleteCycle(ctx: CycleCtx, now = new Date()) {
  return ctx.db.$transaction(async (tx) => {
    const cycle = await lockedCycle(tx, ctx.cycle.id);
    const reason = whyKept(cycle.label, cycle.status, await usageOf(tx, cycle.id), "delete");
    if (reason) throw badRequest(reason);
    const emailsDropped = await dropUnsentEmails(tx, cycle.id, `The cycle ${cycle.label} was deleted.`, now);
    await withdrawChatAbout(tx, cycle.id);
    // Its participants, reminders sent, muted reminders, personal survey links and notifications
    // go with it (their foreign keys cascade); none of them holds an answer.
    await tx.cycle.delete({ where: byId(tx, cycle.id) });
    return { label: cycle.label, emailsDropped };
  });
}

// Back to a draft: the people asked stay as they were, the survey emails not yet sent are dropped,
// and the personal links already sent stop working, so opening it again later sends fresh ones.
export async function undoOpening(ctx: CycleCtx, now = new Date()) {
  return ctx.db.$transaction(async (tx) => {
    const cycle = await lockedCycle(tx, ctx.cycle.id);
    const reason = whyKept(cycle.label, cycle.status, await usageOf(tx, cycle.id), "unopen");
    if (reason) throw badRequest(reason);
    const emailsDropped = await dropUnsentEmails(tx, cycle.id, `The opening of ${cycle.label} was undone.`, now);
    await withdrawChatAbout(tx, cycle.id);
    await tx.surveyLink.deleteMany({ where: { cycleId: cycle.id } });
    await tx.reminderSent.deleteMany({ where: { cycleId: cycle.id } });
    await tx.cycle.update({ where: byId(tx, cycle.id), data: { status: "DRAFT", openedAt: null } });
    return { label: cycle.label, emailsDropped };
  });
}
