// A partnership's asks and offers as its page shows them, with what the viewer may do with each,
// the clarity hints of each open one, and the give/get balance for the current cycle and the
// calendar year (reciprocity.ts). Both sides see the whole exchange: asks are attributed by
// nature, and the confidentiality rule does not apply.
import type { WorkCtx } from "../../access/context";
import type { TenantClient } from "../../db/tenant";
import { todayUtc } from "../actions/overdue";
import { clarityHints } from "./clarity";
import { decideMove, type ExchangeSide, type Move } from "./life";
import { balanceOf, type Balance } from "./reciprocity";

const MOVES: readonly Move[] = ["accept", "decline", "clarify", "answer", "withdraw", "deliver", "lapse", "toAction"];

const person = (m: { id: string; user: { name: string } } | null) => (m ? { memberId: m.id, name: m.user.name } : null);
const withName = { select: { id: true, user: { select: { name: true } } } } as const;

export interface Period {
  from: Date;
  // Exclusive; null for "until now".
  to: Date | null;
}

// The balance of the items made in a period.
export async function balanceFor(db: TenantClient, partnershipId: string, period: Period): Promise<Balance> {
  const items = await db.exchangeItem.findMany({
    where: { partnershipId, createdAt: { gte: period.from, ...(period.to ? { lt: period.to } : {}) } },
    select: { kind: true, side: true, status: true, rating: true },
  });
  return balanceOf(items);
}

// The current cycle: the last one that has opened (not a draft). Its period runs until the next
// one opens.
async function currentCyclePeriod(db: TenantClient, now: Date) {
  const cycle = await db.cycle.findFirst({
    where: { status: { not: "DRAFT" }, opensAt: { lte: now } },
    orderBy: { opensAt: "desc" },
    select: { id: true, label: true, opensAt: true },
  });
  if (!cycle) return null;
  const next = await db.cycle.findFirst({
    where: { status: { not: "DRAFT" }, opensAt: { gt: cycle.opensAt } },
    orderBy: { opensAt: "asc" },
    select: { opensAt: true },
  });
  return { id: cycle.id, label: cycle.label, period: { from: cycle.opensAt, to: next?.opensAt ?? null } };
}

export async function listExchange(ctx: WorkCtx, now = new Date()) {
  const { partnership, viewer } = ctx.work;
  const names: Record<ExchangeSide, string> = { HOST: ctx.workspace.name, PARTNER: partnership.partnerName };
  const rows = await ctx.db.exchangeItem.findMany({
    where: { partnershipId: partnership.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    include: { maker: withName, responder: withName, deliveredBy: withName, counterpartMember: withName },
  });
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
      hints: open ? clarityHints({ ...r, counterpartMemberId: r.counterpartMemberId }) : [],
      // The moves the viewer may make now (none for someone who only reads).
      canDo: viewer.canWrite ? MOVES.filter((m) => decideMove(m, facts, viewer.side, names, today).ok) : [],
    };
  });
  const cycle = await currentCyclePeriod(ctx.db, now);
  const year = now.getUTCFullYear();
  return {
    names,
    viewerSide: viewer.side,
    canWrite: viewer.canWrite,
    items,
    balance: {
      cycle: cycle ? { cycleId: cycle.id, label: cycle.label, ...(await balanceFor(ctx.db, partnership.id, cycle.period)) } : null,
      year: {
        year,
        ...(await balanceFor(ctx.db, partnership.id, { from: new Date(Date.UTC(year, 0, 1)), to: new Date(Date.UTC(year + 1, 0, 1)) })),
      },
    },
  };
}
