// Opening a partnership's retro for a cycle: one per partnership and cycle.
import type { TenantDb } from "../../db/tenant";
import type { WorkCtx } from "../../access/context";
import { badRequest, conflict, notFound } from "../../access/errors";
import { isUniqueViolation } from "../../db/errors";
import { recordAttendee } from "./lock";

// The cycle a retro is held for by default: the open one, else the most recent that closed.
// Drafts have not run, so there is nothing to look back on.
export async function defaultRetroCycle(db: TenantDb) {
  return (
    (await db.cycle.findFirst({ where: { status: "OPEN" }, orderBy: { opensAt: "desc" }, select: { id: true, label: true } })) ??
    (await db.cycle.findFirst({ where: { status: "CLOSED" }, orderBy: { opensAt: "desc" }, select: { id: true, label: true } }))
  );
}

const alreadyOpen = (label: string) =>
  conflict(`The retro for ${label} has already been opened. Open it from the list of retros to take part.`);

export async function openRetro(ctx: WorkCtx, input: { cycleId?: string; groundRules: string }) {
  const { work } = ctx;
  let cycle: { id: string; label: string } | null;
  if (input.cycleId) {
    const found = await ctx.db.cycle.findFirst({ where: { id: input.cycleId }, select: { id: true, label: true, status: true } });
    if (!found) throw notFound("Cycle");
    if (found.status === "DRAFT") throw badRequest(`${found.label} has not opened yet; hold its retro once the cycle has run.`);
    cycle = found;
  } else {
    cycle = await defaultRetroCycle(ctx.db);
    if (!cycle) throw badRequest("There is no survey cycle to look back on yet. Open a cycle first.");
  }

  const existing = await ctx.db.retro.findFirst({ where: { partnershipId: work.partnership.id, cycleId: cycle.id }, select: { id: true } });
  if (existing) throw alreadyOpen(cycle.label);

  try {
    return await ctx.db.$transaction(async (tx) => {
      const retro = await tx.retro.create({
        data: {
          workspaceId: tx.$workspaceId,
          partnershipId: work.partnership.id,
          cycleId: cycle.id,
          facilitatorId: ctx.member.id,
          groundRules: input.groundRules,
        },
        select: { id: true, phase: true, version: true },
      });
      // The facilitator takes part, even one who adds no item and casts no vote.
      await recordAttendee(tx, retro.id, ctx.member.id, work.viewer.side);
      return { retroId: retro.id, cycleId: cycle.id, phase: retro.phase, version: retro.version };
    });
  } catch (error) {
    // Two facilitators opened it at the same moment: the unique key let one through.
    if (isUniqueViolation(error)) throw alreadyOpen(cycle.label);
    throw error;
  }
}
