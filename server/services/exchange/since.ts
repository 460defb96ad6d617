// The give/get balance of the asks and offers made in a stretch of a partnership's life, for the
// retro summary (since the partnership's previous retro) and the renewal review (since its previous
// renewal review); either starts at the partnership's creation when there was none before. Like
// every balance, an item counts in the stretch in which it was made (reciprocity.ts).
import type { TenantDb, TenantTx } from "../../db/tenant";
import { shortDay } from "../dates";
import { exchangeFigures, type ExchangeFigures } from "./figures";
import type { SideNames } from "./life";
import { balanceOf } from "./reciprocity";

type Db = TenantDb | TenantTx;

export async function exchangeBetween(
  db: Db,
  partnershipId: string,
  names: SideNames,
  since: string,
  from: Date,
  to: Date,
): Promise<ExchangeFigures> {
  const items = await db.exchangeItem.findMany({
    where: { partnershipId, createdAt: { gte: from, lt: to } },
    select: { kind: true, side: true, status: true, rating: true },
  });
  return exchangeFigures(names, balanceOf(items), since, from, to);
}

// Since the partnership's previous closed retro (the one closed last before this one), or since
// the partnership began; up to this retro's close (or now, while it runs).
export async function exchangeSinceLastRetro(
  db: Db,
  retro: { id: string; partnershipId: string; closedAt: Date | null },
  names: SideNames,
  now = new Date(),
): Promise<ExchangeFigures> {
  const to = retro.closedAt ?? now;
  const [previous, p] = await Promise.all([
    db.retro.findFirst({
      where: { partnershipId: retro.partnershipId, id: { not: retro.id }, closedAt: { not: null, lt: to } },
      orderBy: { closedAt: "desc" },
      select: { closedAt: true, cycle: { select: { label: true } } },
    }),
    db.partnership.findFirstOrThrow({ where: { id: retro.partnershipId }, select: { createdAt: true } }),
  ]);
  return previous
    ? exchangeBetween(
        db,
        retro.partnershipId,
        names,
        `since the ${previous.cycle.label} retro (closed ${shortDay(previous.closedAt!)})`,
        previous.closedAt!,
        to,
      )
    : exchangeBetween(db, retro.partnershipId, names, `since the partnership began (${shortDay(p.createdAt)})`, p.createdAt, to);
}

// Since the partnership's last decided renewal review, or since it began; up to now.
export async function exchangeSinceLastReview(db: Db, partnershipId: string, names: SideNames, now = new Date()): Promise<ExchangeFigures> {
  const [previous, p] = await Promise.all([
    db.renewalReview.findFirst({
      where: { partnershipId, decidedAt: { not: null, lte: now } },
      orderBy: { decidedAt: "desc" },
      select: { decidedAt: true },
    }),
    db.partnership.findFirstOrThrow({ where: { id: partnershipId }, select: { createdAt: true } }),
  ]);
  return previous
    ? exchangeBetween(
        db,
        partnershipId,
        names,
        `since the last renewal review (decided ${shortDay(previous.decidedAt!)})`,
        previous.decidedAt!,
        now,
      )
    : exchangeBetween(db, partnershipId, names, `since the partnership began (${shortDay(p.createdAt)})`, p.createdAt, now);
}
