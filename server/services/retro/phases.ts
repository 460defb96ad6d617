// The facilitator moves the retro one step on: gathering -> voting -> proposing -> voting on Start
// doing -> assigning -> closed, never skipping or going back. Each step names the version the
// facilitator's page showed, so a click on a stale page (a second tab, a double click) is refused
// instead of skipping a step. Steps take the retro's exclusive lock, so votes and items in flight
// either land before the step or are refused after it.
import type { Prisma } from "../../db/generated/client";
import { byId, type TenantTx } from "../../db/tenant";
import type { RetroCtx } from "../../access/context";
import { createAction } from "../actions/record";
import { enqueueEmail } from "../email/outbox";
import { retroSummaryEmail } from "../email/retro-summary";
import { postChat } from "../chat/outbox";
import { retroSummaryPost } from "../chat/events";
import { badRequest, conflict } from "../../access/errors";
import { EMAIL_CONCERN, mayHear } from "../../access/standing";
import { partnershipPeople } from "../people";
import { attend, lockRetro } from "./lock";
import { topItems } from "./ranking";
import { loadSummary } from "./reads";
import { nextPhase, PHASE_LABEL, type RetroPhase } from "./rules";

// Each top "Start doing" item becomes an action, without an owner until someone volunteers.
async function createActionsFromTopItems(tx: TenantTx, ctx: RetroCtx) {
  const { retro } = ctx;
  const items = await tx.retroItem.findMany({
    where: { retroId: retro.id, list: "START_DOING" },
    select: { id: true, text: true, createdAt: true, _count: { select: { votes: true } } },
  });
  const top = topItems(items.map((i) => ({ ...i, votes: i._count.votes })));
  for (const item of top) {
    await createAction(tx, ctx.member.id, {
      partnershipId: retro.partnershipId,
      title: item.text,
      cycleId: retro.cycleId,
      retroId: retro.id,
      retroItemId: item.id,
    });
  }
}

async function checkActionsComplete(tx: TenantTx, retroId: string) {
  const open = await tx.action.findMany({
    where: { retroId, OR: [{ ownerMemberId: null }, { dueDate: null }] },
    select: { title: true },
  });
  if (open.length) {
    const titles = open.map((a) => `"${a.title}"`).join(", ");
    throw badRequest(`Every action needs an owner and a by-when date before the retro closes. Still open: ${titles}.`);
  }
}

// One email per person: everyone who took part and may still read the partnership's work (not
// someone since moved to another organisation, say), and everyone on the partnership who did not.
async function emailSummary(tx: TenantTx, ctx: RetroCtx, closedAt: Date, people: { memberId: string; email: string }[]) {
  const { retro, work } = ctx;
  const summary = await loadSummary(tx, ctx, { ...retro, closedAt });
  const attendees = await tx.retroAttendee.findMany({
    where: { retroId: retro.id, member: { removedAt: null } },
    select: { memberId: true, member: { select: { id: true, role: true, partnerOrgId: true, user: { select: { email: true } } } } },
  });
  const team = await tx.partnershipTeamMember.findMany({
    where: { partnershipId: retro.partnershipId, memberId: { in: attendees.map((a) => a.memberId) } },
    select: { memberId: true },
  });
  const facts = {
    partnerOrgId: work.partnership.partnerOrgId,
    ownerMemberId: work.partnership.ownerMemberId,
    teamMemberIds: team.map((t) => t.memberId),
    archived: false,
  };
  const to = new Map<string, string>();
  for (const a of attendees) if (mayHear(a.member, facts, EMAIL_CONCERN.RETRO_SUMMARY)) to.set(a.memberId, a.member.user.email);
  for (const p of people) to.set(p.memberId, p.email);
  const path = `/w/${ctx.workspace.slug}/partnerships/${retro.partnershipId}/retro/${retro.id}`;
  const email = retroSummaryEmail({ summary, path });
  await postChat(tx, retroSummaryPost({ summary, retroId: retro.id, path }));
  for (const [memberId, address] of to) {
    await enqueueEmail(tx, {
      workspaceId: ctx.workspace.id,
      kind: "RETRO_SUMMARY",
      to: address,
      recipientMemberId: memberId,
      partnershipIds: [retro.partnershipId],
      ...email,
    });
  }
}

export async function advanceRetro(ctx: RetroCtx, input: { version: number }) {
  const { retro, work } = ctx;
  // Read before the transaction (it reads through the scoped client); used only when closing.
  const people = retro.phase === "ASSIGNING" ? await partnershipPeople(ctx, work.partnership) : [];
  return ctx.db.$transaction(async (tx) => {
    const locked = await lockRetro(tx, retro.id, "update");
    if (locked.version !== input.version) {
      throw conflict(`Someone moved this retro on a moment ago; it is now at: ${PHASE_LABEL[locked.phase]}. Reload to see where it is.`);
    }
    const to = nextPhase(locked.phase);
    if (!to) throw badRequest("This retro is closed.");
    const now = new Date();
    const stamps: Partial<Record<RetroPhase, Prisma.RetroUpdateInput>> = {
      VOTING: { revealedAt: now },
      PROPOSING: { votingClosedAt: now },
      ASSIGNING: { startVotingClosedAt: now },
      CLOSED: { closedAt: now },
    };
    if (to === "START_VOTING" && (await tx.retroItem.count({ where: { retroId: retro.id, list: "START_DOING" } })) === 0) {
      throw badRequest("Nobody has proposed a Start doing item yet. Add at least one before voting on them.");
    }
    if (to === "ASSIGNING") await createActionsFromTopItems(tx, ctx);
    if (to === "CLOSED") await checkActionsComplete(tx, retro.id);
    await tx.retro.update({ where: byId(tx, retro.id), data: { phase: to, version: { increment: 1 }, ...stamps[to] } });
    // Whoever runs a step takes part, even without adding or voting.
    await attend(tx, ctx);
    if (to === "CLOSED") await emailSummary(tx, ctx, now, people);
    return { phase: to, version: locked.version + 1 };
  });
}
