// The one-sided exchange alert: when a delivery leaves a partnership's exchange one-sided over the
// calendar year (docs/value-exchange.md: reciprocity index below 40 with at least 4 items
// delivered, over the asks and offers made this year), its owner (or, when it has none, the
// workspace's admins) hears once, in the app and by email, like the other alerts. The year, not the
// current cycle: a quarter rarely holds four deliveries, and the year is what the scorecard's
// sentence speaks of. Once per partnership and year (the dedupe key): an exchange that balances
// and tips again the same year is not news twice. Checked inside the delivery's transaction,
// because a delivery is the only move that changes the balance's value.
import type { TenantClient } from "../../db/tenant";
import { oneSidedEmail, oneSidedNotice } from "../email/alert";
import { notifyOnce, partnershipRecipients } from "../notifications";
import { balanceOf } from "../exchange/reciprocity";
import { scorecardPath } from "./evaluate";

export const oneSidedKey = (partnershipId: string, year: number) => `one-sided:${partnershipId}:${year}`;

// Returns how many people were newly told.
export async function alertIfOneSided(db: TenantClient, partnershipId: string, now: Date): Promise<number> {
  const year = now.getUTCFullYear();
  const items = await db.exchangeItem.findMany({
    where: { partnershipId, createdAt: { gte: new Date(Date.UTC(year, 0, 1)), lt: new Date(Date.UTC(year + 1, 0, 1)) } },
    select: { kind: true, side: true, status: true, rating: true },
  });
  const balance = balanceOf(items);
  if (!balance.oneSided || balance.index === null) return 0;
  const [workspace, p] = await Promise.all([
    db.workspace.findUniqueOrThrow({ where: { id: db.$workspaceId }, select: { name: true, slug: true } }),
    db.partnership.findFirstOrThrow({
      where: { id: partnershipId },
      select: { id: true, name: true, ownerMemberId: true, archivedAt: true, partnerOrg: { select: { name: true } } },
    }),
  ]);
  if (p.archivedAt) return 0;
  const hostGaveMore = balance.HOST.valueGiven >= balance.PARTNER.valueGiven;
  const facts = {
    partnershipName: p.name,
    giverName: hostGaveMore ? workspace.name : p.partnerOrg.name,
    otherName: hostGaveMore ? p.partnerOrg.name : workspace.name,
    hostGaveMore,
    year,
    index: balance.index,
    delivered: balance.delivered,
  };
  const path = scorecardPath(workspace.slug, p.id);
  const notice = {
    kind: "ONE_SIDED_EXCHANGE" as const,
    partnershipId: p.id,
    cycleId: null,
    ...oneSidedNotice(facts),
    link: path,
    dedupeKey: oneSidedKey(p.id, year),
  };
  let told = 0;
  for (const r of await partnershipRecipients(db, p.ownerMemberId)) {
    const fresh = await notifyOnce(db, r, [notice], () =>
      oneSidedEmail({ ...facts, workspaceName: workspace.name, recipientName: r.name, path }),
    );
    told += fresh.length;
  }
  return told;
}
