// What a person sees of a retro, decided here on the server: before the reveal their own Going
// well and Stop doing items and only counts of the others' (the others' text never leaves the
// server); vote totals once a list's voting has closed; authors by name in attributed workspaces
// and by side otherwise (the same rule as survey comments).
import type { RetroPhase } from "./rules";
import type { RetroCtx, WorkCtx } from "../../access/context";
import { badRequest, notFound } from "../../access/errors";
import { auditExport } from "../export-audit";
import { sideOfRole } from "../../access/roles";
import { partnershipPeople } from "../people";
import { defaultRetroCycle } from "./open";
import { inItemOrder, topItems } from "./ranking";
import { cyclePillars, loadSummary, sideNames } from "./reads";
import {
  LIST_LABEL,
  listCounted,
  listOpenForItems,
  listOpenForVotes,
  listRevealed,
  RETRO_LISTS,
  VOTES_PER_LIST,
  type RetroList,
} from "./rules";

export async function retroView(ctx: RetroCtx) {
  const { retro, work } = ctx;
  const me = ctx.member.id;
  const { canWrite, canFacilitate } = work.viewer;
  const names = sideNames(ctx);
  const attributed = ctx.workspace.surveyMode === "ATTRIBUTED";
  const phase = retro.phase;

  const [cycle, facilitator, items, myVotes, actions, attendees, pillars] = await Promise.all([
    ctx.db.cycle.findFirst({ where: { id: retro.cycleId }, select: { id: true, label: true } }),
    ctx.db.member.findFirst({ where: { id: retro.facilitatorId }, select: { user: { select: { name: true } } } }),
    ctx.db.retroItem.findMany({
      where: { retroId: retro.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        list: true,
        text: true,
        createdAt: true,
        authorId: true,
        author: { select: { role: true, user: { select: { name: true } } } },
        _count: { select: { votes: true } },
        // The ask the item became, if it did (retro/ask.ts).
        ask: { select: { id: true, status: true } },
      },
    }),
    ctx.db.retroVote.findMany({ where: { retroId: retro.id, memberId: me }, select: { itemId: true, list: true } }),
    ctx.db.action.findMany({
      where: { retroId: retro.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        title: true,
        retroItemId: true,
        ownerMemberId: true,
        dueDate: true,
        pillarKey: true,
        status: true,
        version: true,
        owner: { select: { role: true, user: { select: { name: true } } } },
      },
    }),
    ctx.db.retroAttendee.findMany({ where: { retroId: retro.id }, select: { side: true } }),
    cyclePillars(ctx.db, retro.cycleId),
  ]);

  const voted = new Set(myVotes.map((v) => v.itemId));
  const lists = RETRO_LISTS.map((list) => {
    const all = items.filter((i) => i.list === list);
    const revealed = listRevealed(list, phase);
    const counted = listCounted(list, phase);
    const ranked = counted ? topItems(all.map((i) => ({ ...i, votes: i._count.votes }))) : [];
    const rank = new Map(ranked.map((i, n) => [i.id, n + 1]));
    const itemsOpen = canWrite && listOpenForItems(list, phase);
    const votingOpen = canWrite && listOpenForVotes(list, phase);
    const used = myVotes.filter((v) => v.list === list).length;
    return {
      list,
      label: LIST_LABEL[list],
      // Everyone may know how many items there are, even before the reveal.
      count: all.length,
      canAdd: itemsOpen,
      canVote: votingOpen,
      votesLeft: VOTES_PER_LIST - used,
      items: all
        .filter((i) => revealed || i.authorId === me)
        .map((i) => {
          const mine = i.authorId === me;
          const side = names[sideOfRole(i.author.role)];
          return {
            id: i.id,
            text: i.text,
            mine,
            author: attributed ? `${i.author.user.name} (${side})` : side,
            createdAt: i.createdAt,
            canEdit: mine && itemsOpen,
            votedByMe: voted.has(i.id),
            votes: counted ? i._count.votes : null,
            rank: rank.get(i.id) ?? null,
          };
        }),
    };
  });

  const pillarName = new Map(pillars.map((p) => [p.key, p.name]));
  const assigning = phase === "ASSIGNING";
  const people =
    canFacilitate && assigning
      ? (await partnershipPeople(ctx, work.partnership)).map((p) => ({ memberId: p.memberId, name: p.name, side: names[p.side] }))
      : [];

  return {
    retro: {
      id: retro.id,
      partnershipId: retro.partnershipId,
      partnershipName: work.partnership.name,
      cycleId: retro.cycleId,
      cycleLabel: cycle?.label ?? "",
      phase,
      version: retro.version,
      groundRules: retro.groundRules,
      facilitatorName: facilitator?.user.name ?? "",
      openedAt: retro.openedAt,
      revealedAt: retro.revealedAt,
      votingClosedAt: retro.votingClosedAt,
      startVotingClosedAt: retro.startVotingClosedAt,
      closedAt: retro.closedAt,
    },
    sides: names,
    viewer: {
      memberId: me,
      side: names[work.viewer.side],
      canWrite,
      canFacilitate,
      votesLeft: Object.fromEntries(lists.map((l) => [l.list, l.votesLeft])) as Record<RetroList, number>,
    },
    lists,
    actions: inItemOrder(
      actions,
      items.map((i) => ({ id: i.id, votes: i._count.votes, createdAt: i.createdAt })),
    ).map((a) => ({
      id: a.id,
      title: a.title,
      retroItemId: a.retroItemId,
      ownerMemberId: a.ownerMemberId,
      ownerName: a.owner?.user.name ?? null,
      ownerSide: a.owner ? names[sideOfRole(a.owner.role)] : null,
      mine: a.ownerMemberId === me,
      dueDate: a.dueDate,
      pillarKey: a.pillarKey,
      pillarName: a.pillarKey ? (pillarName.get(a.pillarKey) ?? a.pillarKey) : null,
      status: a.status,
      version: a.version,
      canVolunteer: canWrite && assigning && a.ownerMemberId === null,
      // The ask the item became as well, and whether the viewer may make it one now.
      ask: items.find((i) => i.id === a.retroItemId)?.ask ?? null,
      canMakeAsk:
        canWrite && (assigning || phase === "CLOSED") && a.retroItemId !== null && !items.find((i) => i.id === a.retroItemId)?.ask,
    })),
    pillars,
    // Whom the facilitator may name as an action's owner.
    people,
    attendance: { host: attendees.filter((a) => a.side === "HOST").length, partner: attendees.filter((a) => a.side === "PARTNER").length },
    summary: phase === "CLOSED" ? await loadSummary(ctx.db, ctx, retro) : null,
  };
}

export type RetroView = Awaited<ReturnType<typeof retroView>>;

// A closed retro's summary, for its export.
// The summary as a download (Markdown or CSV), recorded in the audit log as an export.
export async function retroSummary(
  ctx: RetroCtx,
  { format = "markdown", partnershipId }: { format?: "markdown" | "csv"; partnershipId?: string } = {},
) {
  const { retro } = ctx;
  if (partnershipId !== undefined && partnershipId !== retro.partnershipId) throw notFound("Retro");
  if (retro.phase !== "CLOSED") throw badRequest("The summary is ready once the facilitator closes the retro.");
  const summary = await loadSummary(ctx.db, ctx, retro);
  await auditExport(ctx, {
    kind: "retro-summary",
    format,
    what: `Retro summary of ${summary.partnershipName}, ${summary.cycleLabel}`,
    detail: { retroId: retro.id, partnershipId: retro.partnershipId },
  });
  return { partnershipId: retro.partnershipId, summary };
}

// A partnership's retros, one per cycle, newest first; for a facilitator also the cycles a retro
// could still be opened for.
export async function listRetros(ctx: WorkCtx) {
  const { work } = ctx;
  const retros = await ctx.db.retro.findMany({
    where: { partnershipId: work.partnership.id },
    orderBy: [{ cycle: { opensAt: "desc" } }],
    select: {
      id: true,
      cycleId: true,
      phase: true,
      openedAt: true,
      closedAt: true,
      cycle: { select: { label: true } },
      facilitator: { select: { user: { select: { name: true } } } },
      _count: { select: { actions: true, attendees: true } },
    },
  });
  const held = new Set(retros.map((r) => r.cycleId));
  const openable = work.viewer.canFacilitate
    ? (
        await ctx.db.cycle.findMany({
          where: { status: { in: ["OPEN", "CLOSED"] } },
          orderBy: { opensAt: "desc" },
          take: 12,
          select: { id: true, label: true, status: true },
        })
      ).filter((c) => !held.has(c.id))
    : [];
  const fallback = await defaultRetroCycle(ctx.db);
  return {
    partnership: { id: work.partnership.id, name: work.partnership.name, partnerName: work.partnership.partnerName },
    viewer: { canWrite: work.viewer.canWrite, canFacilitate: work.viewer.canFacilitate },
    retros: retros.map((r) => ({
      id: r.id,
      cycleId: r.cycleId,
      cycleLabel: r.cycle.label,
      phase: r.phase,
      openedAt: r.openedAt,
      closedAt: r.closedAt,
      facilitatorName: r.facilitator.user.name,
      actions: r._count.actions,
      attendees: r._count.attendees,
    })),
    openable,
    // The cycle a retro opens for by default, when it has none yet.
    defaultCycleId: fallback && !held.has(fallback.id) ? fallback.id : null,
  };
}

// Each cycle's retro of a partnership, for the scorecard's link to it. The caller has checked
// that the reader may see the partnership's work (scorecard/work.ts), as it has for the actions.
export async function retroLinksFor(
  ctx: Pick<WorkCtx, "db">,
  partnershipId: string,
): Promise<{ cycleId: string; cycleLabel: string; retroId: string; phase: RetroPhase }[]> {
  const retros = await ctx.db.retro.findMany({
    where: { partnershipId },
    select: { id: true, cycleId: true, phase: true, cycle: { select: { label: true } } },
    orderBy: { cycle: { opensAt: "desc" } },
  });
  return retros.map((r) => ({ cycleId: r.cycleId, cycleLabel: r.cycle.label, retroId: r.id, phase: r.phase }));
}
