// The pieces event payloads are made of (events.ts), read through the workspace's scoped client:
// a partnership, a cycle, an action as the catalogue shapes them, with links into the app.
import type { TenantClient } from "../../db/tenant";
import { appUrl } from "../email/app-url";

export interface EventScope {
  workspace: { id: string; slug: string; name: string };
}

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const partnershipLink = (s: EventScope, id: string) => appUrl(`/w/${s.workspace.slug}/partnerships/${id}`);

const partnershipSelect = {
  id: true,
  name: true,
  tier: true,
  phase: true,
  renewalDate: true,
  archivedAt: true,
  partnerOrg: { select: { id: true, name: true } },
  owner: { select: { id: true, user: { select: { name: true } } } },
} as const;

type PartnershipRow = Awaited<ReturnType<typeof loadPartnerships>>[number];
const loadPartnerships = (db: TenantClient, ids: string[]) =>
  db.partnership.findMany({ where: { id: { in: ids } }, select: partnershipSelect, orderBy: { id: "asc" } });

export async function partnershipState(db: TenantClient, s: EventScope, partnershipId: string) {
  const [p] = await loadPartnerships(db, [partnershipId]);
  if (!p) throw new Error(`Partnership ${partnershipId} not found for its event.`);
  return stateOf(s, p);
}

// Many at once (an import's partnerships), in one query.
export async function partnershipStates(db: TenantClient, s: EventScope, ids: string[]) {
  const rows: PartnershipRow[] = [];
  for (let i = 0; i < ids.length; i += 1000) rows.push(...(await loadPartnerships(db, ids.slice(i, i + 1000))));
  return rows.map((p) => stateOf(s, p));
}

function stateOf(s: EventScope, p: PartnershipRow) {
  return {
    id: p.id,
    name: p.name,
    partnerOrganisation: p.partnerOrg,
    link: partnershipLink(s, p.id),
    tier: p.tier,
    phase: p.phase,
    renewalDate: day(p.renewalDate),
    owner: p.owner ? { id: p.owner.id, name: p.owner.user.name } : null,
    archived: p.archivedAt !== null,
  };
}

export async function partnershipRef(db: TenantClient, s: EventScope, partnershipId: string) {
  const { id, name, partnerOrganisation, link } = await partnershipState(db, s, partnershipId);
  return { id, name, partnerOrganisation, link };
}

export function cycleRef(s: EventScope, cycle: { id: string; label: string }) {
  return { id: cycle.id, label: cycle.label, link: appUrl(`/w/${s.workspace.slug}/cycles`) };
}

export async function cycleState(db: TenantClient, s: EventScope, cycleId: string) {
  const c = await db.cycle.findFirstOrThrow({ where: { id: cycleId }, select: { id: true, label: true, opensAt: true, closesAt: true } });
  return { ...cycleRef(s, c), opensAt: c.opensAt.toISOString(), closesAt: c.closesAt.toISOString() };
}

export async function actionState(db: TenantClient, s: EventScope, actionId: string) {
  const a = await db.action.findFirstOrThrow({
    where: { id: actionId },
    select: {
      id: true,
      title: true,
      status: true,
      dueDate: true,
      pillarKey: true,
      partnershipId: true,
      owner: { select: { id: true, user: { select: { name: true } } } },
    },
  });
  return {
    action: {
      id: a.id,
      title: a.title,
      status: a.status,
      owner: a.owner ? { id: a.owner.id, name: a.owner.user.name } : null,
      dueDate: day(a.dueDate),
      pillarKey: a.pillarKey,
      link: partnershipLink(s, a.partnershipId),
    },
    partnership: await partnershipRef(db, s, a.partnershipId),
  };
}
