// Reads several retro services share: the pillars an action may serve, and a closed retro's
// summary as the page, the export and the email show it.
import type { Side } from "../../db/generated/client";
import type { TenantDb, TenantTx } from "../../db/tenant";
import type { WorkCtx } from "../../access/context";
import { sideOfRole } from "../../access/roles";
import { exchangeSinceLastRetro } from "../exchange/since";
import { inItemOrder } from "./ranking";
import { buildSummary, type RetroSummary } from "./summary";

type Db = TenantDb | TenantTx;

// The pillars of the framework the retro's cycle ran with, in the framework's order.
export async function cyclePillars(db: Db, cycleId: string) {
  const cycle = await db.cycle.findFirst({ where: { id: cycleId }, select: { frameworkVersionId: true } });
  if (!cycle) return [];
  return db.pillar.findMany({
    where: { versionId: cycle.frameworkVersionId },
    orderBy: { position: "asc" },
    select: { key: true, name: true },
  });
}

// What each side is called in the retro: the workspace's own name and the partner organisation's.
export const sideNames = (ctx: Pick<WorkCtx, "workspace" | "work">): Record<Side, string> => ({
  HOST: ctx.workspace.name,
  PARTNER: ctx.work.partnership.partnerName,
});

interface SummaryRetro {
  id: string;
  cycleId: string;
  groundRules: string;
  facilitatorId: string;
  closedAt: Date | null;
}

export async function loadSummary(db: Db, ctx: WorkCtx, retro: SummaryRetro): Promise<RetroSummary> {
  const { work } = ctx;
  const [cycle, facilitator, items, actions, attendees, pillars, exchange] = await Promise.all([
    db.cycle.findFirst({ where: { id: retro.cycleId }, select: { label: true } }),
    db.member.findFirst({ where: { id: retro.facilitatorId }, select: { user: { select: { name: true } } } }),
    db.retroItem.findMany({
      where: { retroId: retro.id },
      select: { id: true, list: true, text: true, createdAt: true, _count: { select: { votes: true } } },
    }),
    db.action.findMany({
      where: { retroId: retro.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        title: true,
        retroItemId: true,
        dueDate: true,
        pillarKey: true,
        owner: { select: { role: true, user: { select: { name: true } } } },
      },
    }),
    db.retroAttendee.findMany({
      where: { retroId: retro.id },
      select: { side: true, member: { select: { user: { select: { name: true } } } } },
    }),
    cyclePillars(db, retro.cycleId),
    exchangeSinceLastRetro(db, { id: retro.id, partnershipId: work.partnership.id, closedAt: retro.closedAt }, sideNames(ctx)),
  ]);
  const pillarName = new Map(pillars.map((p) => [p.key, p.name]));
  return buildSummary({
    partnershipName: work.partnership.name,
    sideNames: sideNames(ctx),
    cycleLabel: cycle?.label ?? "",
    groundRules: retro.groundRules,
    facilitatorName: facilitator?.user.name ?? "",
    closedAt: retro.closedAt,
    items: items.map((i) => ({ id: i.id, list: i.list, text: i.text, createdAt: i.createdAt, votes: i._count.votes })),
    actions: inItemOrder(
      actions,
      items.map((i) => ({ id: i.id, votes: i._count.votes, createdAt: i.createdAt })),
    ).map((a) => ({
      title: a.title,
      ownerName: a.owner?.user.name ?? null,
      ownerSide: a.owner ? sideOfRole(a.owner.role) : null,
      dueDate: a.dueDate,
      pillarName: a.pillarKey ? (pillarName.get(a.pillarKey) ?? a.pillarKey) : null,
    })),
    attendees: attendees.map((a) => ({ name: a.member.user.name, side: a.side })),
    exchange,
  });
}
