// Partnerships as admins set them up: the list, creating one and changing its settings. A
// changed phase goes through the lifecycle (services/lifecycle) in the same transaction, so its
// history is recorded, "Renewal review" opens a review and "Exited" archives.
import type { Phase, Prisma, Tier } from "../db/generated/client";
import type { WorkspaceCtx } from "../access/context";
import { ARCHIVED_MESSAGE } from "../access/decide";
import { badRequest, conflict, notFound } from "../access/errors";
import { visiblePartnerships } from "../access/filters";
import { rolesWith } from "../access/roles";
import { isUniqueViolation } from "../db/errors";
import { requestPhaseTx } from "./lifecycle";
import { syncCurrentCycles } from "./participants";
import { byId } from "../db/tenant";
import { emitWebhookEvent } from "./webhooks/emit";
import { partnershipState } from "./webhooks/refs";

export interface PartnershipFields {
  name: string;
  ownerMemberId?: string | null;
  tier: Tier;
  phase: Phase;
  renewalDate?: Date | null;
}

// What a partnership's row in a list carries (also the searched list's, lists/partnerships.ts).
export const listed = { partnerOrg: { select: { name: true } }, owner: { select: { user: { select: { name: true } } } } } as const;

export function listRow(p: Prisma.PartnershipGetPayload<{ include: typeof listed }>) {
  return {
    id: p.id,
    name: p.name,
    partnerOrgId: p.partnerOrgId,
    partnerName: p.partnerOrg.name,
    ownerMemberId: p.ownerMemberId,
    ownerName: p.owner?.user.name ?? null,
    tier: p.tier,
    phase: p.phase,
    renewalDate: p.renewalDate,
    archivedAt: p.archivedAt,
  };
}

// The partnerships a member may see, by name.
export async function listPartnerships(ctx: WorkspaceCtx) {
  const rows = await ctx.db.partnership.findMany({ where: visiblePartnerships(ctx.member), include: listed, orderBy: { name: "asc" } });
  return rows.map(listRow);
}

// One of them, as the list shows it; not found when the member may not see it.
export async function findPartnershipRow(ctx: WorkspaceCtx, partnershipId: string) {
  const row = await ctx.db.partnership.findFirst({ where: { id: partnershipId, ...visiblePartnerships(ctx.member) }, include: listed });
  if (!row) throw notFound("Partnership");
  return listRow(row);
}

// The owner runs the partnership, so must be a current member whose role may own partnerships.
async function checkOwner(ctx: WorkspaceCtx, ownerMemberId: string | null | undefined) {
  if (!ownerMemberId) return null;
  const owner = await ctx.db.member.findFirst({
    where: { id: ownerMemberId, removedAt: null, role: { in: rolesWith("ownPartnerships") } },
  });
  if (!owner) throw badRequest("The owner must be a current manager, admin or owner of this workspace.");
  return owner.id;
}

const taken = (name: string) => conflict(`A partnership named "${name}" already exists.`, "name");

export async function createPartnership(ctx: WorkspaceCtx, input: PartnershipFields & { partnerOrgId: string }) {
  const org = await ctx.db.partnerOrg.findUnique({ where: byId(ctx.db, input.partnerOrgId) });
  if (!org) throw notFound("Partner organisation");
  const ownerMemberId = await checkOwner(ctx, input.ownerMemberId);
  try {
    const partnership = await ctx.db.$transaction(async (tx) => {
      const created = await tx.partnership.create({
        data: {
          workspaceId: ctx.workspace.id,
          partnerOrgId: org.id,
          name: input.name,
          ownerMemberId,
          tier: input.tier,
          phase: input.phase,
          renewalDate: input.renewalDate ?? null,
        },
      });
      await emitWebhookEvent(tx, "partnership.created", async (s) => ({ partnership: await partnershipState(tx, s, created.id) }));
      return created;
    });
    await syncCurrentCycles(ctx.db);
    return partnership;
  } catch (error) {
    if (isUniqueViolation(error)) throw taken(input.name);
    throw error;
  }
}

type Settings = Pick<Prisma.PartnershipGetPayload<object>, "name" | "ownerMemberId" | "tier" | "renewalDate">;

function settingsChanged(before: Settings, after: Settings): string[] {
  const day = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;
  return [
    ...(before.name !== after.name ? ["name"] : []),
    ...(before.ownerMemberId !== after.ownerMemberId ? ["owner"] : []),
    ...(before.tier !== after.tier ? ["tier"] : []),
    ...(day(before.renewalDate) !== day(after.renewalDate) ? ["renewalDate"] : []),
  ];
}

export async function updatePartnership(ctx: WorkspaceCtx, input: PartnershipFields & { partnershipId: string }) {
  const existing = await ctx.db.partnership.findUnique({ where: byId(ctx.db, input.partnershipId) });
  if (!existing) throw notFound("Partnership");
  if (existing.archivedAt) throw badRequest(ARCHIVED_MESSAGE);
  // An unchanged owner stays even if no longer a manager, so other fields can still be edited.
  const ownerMemberId =
    input.ownerMemberId === existing.ownerMemberId ? existing.ownerMemberId : await checkOwner(ctx, input.ownerMemberId);
  try {
    const updated = await ctx.db.$transaction(async (tx) => {
      const row = await tx.partnership.update({
        where: byId(tx, existing.id),
        data: { name: input.name, ownerMemberId, tier: input.tier, renewalDate: input.renewalDate ?? null },
      });
      const reason = "Changed in the partnership's settings.";
      // A phase change sends its own event (lifecycle/phases.ts); this one names the settings.
      const changed = settingsChanged(existing, row);
      if (changed.length) {
        await emitWebhookEvent(tx, "partnership.updated", async (s) => ({ partnership: await partnershipState(tx, s, row.id), changed }));
      }
      await requestPhaseTx(tx, ctx.workspace, row, input.phase, ctx.member.id, reason, new Date());
      return tx.partnership.findUniqueOrThrow({ where: byId(tx, existing.id) });
    });
    if (updated.ownerMemberId !== existing.ownerMemberId) await syncCurrentCycles(ctx.db);
    return updated;
  } catch (error) {
    if (isUniqueViolation(error)) throw taken(input.name);
    throw error;
  }
}
