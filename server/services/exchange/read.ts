// A partnership's asks and offers as its page shows them, with what the viewer may do with each,
// the clarity hints of each open one, and the give/get balance for the current cycle and the
// calendar year (reciprocity.ts); and the balance alone, per cycle, for the scorecard. Both sides
// see the whole exchange: asks are attributed by nature, and the confidentiality rule does not
// apply.
import type { WorkCtx, WorkspaceCtx } from "../../access/context";
import { notFound } from "../../access/errors";
import { byId, type TenantClient } from "../../db/tenant";
import { todayUtc } from "../actions/overdue";
import { pageHeading, partnershipPeople } from "../people";
import { clarityHints } from "./clarity";
import { decideMove, type ExchangeSide, type Move } from "./life";
import { balanceOf } from "./reciprocity";
import { periodWords } from "./words";

const MOVES: readonly Move[] = ["accept", "decline", "clarify", "answer", "withdraw", "deliver", "lapse", "toAction"];

const person = (m: { id: string; user: { name: string } } | null) => (m ? { memberId: m.id, name: m.user.name } : null);
const withName = { select: { id: true, user: { select: { name: true } } } } as const;

// The balances of a partnership's exchange: per cycle (from its opening to the next cycle's,
// drafts aside), for the current cycle (the last one opened) and for the calendar year. An item
// counts in the period in which it was made.
async function balances(db: TenantClient, partnershipId: string, now: Date) {
  const [items, cycles] = await Promise.all([
    db.exchangeItem.findMany({ where: { partnershipId }, select: { kind: true, side: true, status: true, rating: true, createdAt: true } }),
    db.cycle.findMany({
      where: { status: { not: "DRAFT" }, opensAt: { lte: now } },
      orderBy: { opensAt: "asc" },
      select: { id: true, label: true, opensAt: true },
    }),
  ]);
  const within = (from: Date, to: Date | null) => items.filter((i) => i.createdAt >= from && (to === null || i.createdAt < to));
  const perCycle = cycles.map((c, n) => ({
    cycleId: c.id,
    label: c.label,
    ...balanceOf(within(c.opensAt, cycles[n + 1]?.opensAt ?? null)),
  }));
  const year = now.getUTCFullYear();
  return {
    cycle: perCycle.at(-1) ?? null,
    year: { year, ...balanceOf(within(new Date(Date.UTC(year, 0, 1)), new Date(Date.UTC(year + 1, 0, 1)))) },
    cycles: perCycle,
  };
}

// The balance alone, for whoever sees the partnership's scorecard (its figures are counts of
// attributed work, not survey answers, so no confidentiality threshold applies).
export async function exchangeBalance(ctx: WorkspaceCtx, partnershipId: string, now = new Date()) {
  const p = await ctx.db.partnership.findUnique({
    where: byId(ctx.db, partnershipId),
    select: { id: true, partnerOrg: { select: { name: true } } },
  });
  if (!p) throw notFound("Partnership");
  const names: Record<ExchangeSide, string> = { HOST: ctx.workspace.name, PARTNER: p.partnerOrg.name };
  return { names, ...(await balances(ctx.db, p.id, now)) };
}

export async function listExchange(ctx: WorkCtx, now = new Date()) {
  const { partnership, viewer } = ctx.work;
  const names: Record<ExchangeSide, string> = { HOST: ctx.workspace.name, PARTNER: partnership.partnerName };
  const rows = await ctx.db.exchangeItem.findMany({
    where: { partnershipId: partnership.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    include: {
      maker: withName,
      responder: withName,
      deliveredBy: withName,
      counterpartMember: withName,
      events: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: { member: withName } },
    },
  });
  const people = await partnershipPeople(ctx, partnership);
  const today = todayUtc(now);
  const items = rows.map((r) => {
    const facts = { kind: r.kind, side: r.side, status: r.status, dueDate: r.dueDate, actionId: r.actionId };
    const open = r.status === "OPEN" || r.status === "CLARIFY";
    return {
      id: r.id,
      kind: r.kind,
      side: r.side,
      title: r.title,
      detail: r.detail,
      counterpart: r.counterpart,
      counterpartMember: person(r.counterpartMember),
      dueDate: r.dueDate,
      status: r.status,
      maker: person(r.maker),
      responder: person(r.responder),
      responseNote: r.responseNote,
      deliveredAt: r.deliveredAt,
      deliveredBy: person(r.deliveredBy),
      rating: r.rating,
      ratingNote: r.ratingNote,
      actionId: r.actionId,
      version: r.version,
      createdAt: r.createdAt,
      // Its history, oldest first: who made each move, when, the status it led to, its note.
      events: r.events.map((e) => ({ id: e.id, move: e.move, status: e.status, note: e.note, at: e.createdAt, by: person(e.member) })),
      hints: open ? clarityHints({ ...r, counterpartMemberId: r.counterpartMemberId }) : [],
      // The moves the viewer may make now (none for someone who only reads).
      canDo: viewer.canWrite ? MOVES.filter((m) => decideMove(m, facts, viewer.side, names, today).ok) : [],
    };
  });
  const { cycle, year } = await balances(ctx.db, partnership.id, now);
  const reader = { partner: viewer.side === "PARTNER", partnerName: partnership.partnerName, workspaceName: ctx.workspace.name };
  return {
    partnership: pageHeading(ctx.work),
    names,
    viewerSide: viewer.side,
    canWrite: viewer.canWrite,
    // The people of each side, for naming whom an ask is of (or an offer for).
    people: people.map((p) => ({ memberId: p.memberId, name: p.name, side: p.side })),
    items,
    balance: { cycle, year },
    // The same balance in words from the viewer's side, as the scorecard says it.
    words: {
      cycle: cycle && { label: cycle.label, ...periodWords(reader, cycle, `in ${cycle.label}`) },
      year: { year: year.year, ...periodWords(reader, year, "this year") },
    },
  };
}
