// Telling everyone on a partnership about a move on one of its asks or offers: each of its people
// (both sides, as peopleOf counts them) but the one who acted gets one notification and one email
// per event, keyed by the event's id, through the same path as alerts (notifyOnce).
import type { TenantClient } from "../../db/tenant";
import type { WorkCtx } from "../../access/context";
import { peopleOf } from "../../access/filters";
import { notifyOnce } from "../notifications";
import { exchangeEmail, exchangeNotice, type ExchangeNews } from "../email/exchange";
import type { ExchangeKind, ExchangeSide } from "./life";

export interface ExchangeEventNews {
  eventId: string;
  news: ExchangeNews;
  item: { kind: ExchangeKind; title: string };
  note: string;
  rating: number | null;
}

export async function notifyExchange(db: TenantClient, ctx: WorkCtx, event: ExchangeEventNews) {
  const p = ctx.work.partnership;
  const side: ExchangeSide = ctx.work.viewer.side;
  const notice = exchangeNotice({
    news: event.news,
    kind: event.item.kind,
    title: event.item.title,
    actorName: ctx.user.name,
    actorOrg: side === "HOST" ? ctx.workspace.name : p.partnerName,
    partnershipName: p.name,
    note: event.note,
    rating: event.rating,
  });
  // The partnership's Exchange tab, where the item and the moves open to the reader are.
  const path = `/w/${ctx.workspace.slug}/partnerships/${p.id}/exchange`;
  const people = await db.member.findMany({
    where: { AND: [peopleOf(p), { id: { not: ctx.member.id } }] },
    select: { id: true, user: { select: { name: true, email: true } } },
    orderBy: { id: "asc" },
  });
  for (const person of people) {
    await notifyOnce(
      db,
      { memberId: person.id, name: person.user.name, email: person.user.email },
      [{ kind: "EXCHANGE", partnershipId: p.id, cycleId: null, ...notice, link: path, dedupeKey: `exchange:${event.eventId}` }],
      (fresh) => exchangeEmail({ recipientName: person.user.name, path, notices: fresh }),
      "EXCHANGE",
    );
  }
}
