// The cycle a check-in counts for: the one named, or by default the current open cycle (the
// latest one opened, when several are), or else the latest one that has opened.
import type { WorkspaceCtx } from "../../access/context";
import { badRequest, notFound } from "../../access/errors";
import { byId } from "../../db/tenant";

export async function checkInCycle(ctx: WorkspaceCtx, cycleId?: string | null) {
  const select = { id: true, label: true, status: true, opensAt: true } as const;
  if (cycleId) {
    const cycle = await ctx.db.cycle.findUnique({ where: byId(ctx.db, cycleId), select });
    if (!cycle) throw notFound("Cycle");
    if (cycle.status === "DRAFT") throw badRequest(`${cycle.label} has not opened yet; check in for the current cycle.`);
    return cycle;
  }
  return defaultCheckInCycle(ctx);
}

export async function defaultCheckInCycle(ctx: WorkspaceCtx) {
  const select = { id: true, label: true, status: true, opensAt: true } as const;
  const open = await ctx.db.cycle.findFirst({ where: { status: "OPEN" }, orderBy: { opensAt: "desc" }, select });
  return open ?? (await ctx.db.cycle.findFirst({ where: { status: "CLOSED" }, orderBy: { opensAt: "desc" }, select }));
}
