// Survey cycles as admins manage them by hand: create, open, extend, close. The schedule job
// (schedule.ts) does the same on the workspace's cadence, through the same lifecycle steps.
import type { WorkspaceCtx } from "../trpc/procedures";
import { badRequest, conflict, isUniqueViolation, notFound } from "./errors";
import { closeCycle, newCycle, openCycle } from "./cycle-lifecycle";
import { cycleRates, rate, responseRates } from "./response-rates";
import { visiblePartnerships, visiblePartnershipSql } from "./visibility";

export async function listCycles(ctx: WorkspaceCtx) {
  const cycles = await ctx.db.cycle.findMany({
    orderBy: { opensAt: "desc" },
    include: {
      frameworkVersion: { select: { version: true } },
      // Counted over the partnerships the reader may see: a partner contact's count must not
      // move when another organisation answers.
      _count: { select: { responses: { where: { partnership: visiblePartnerships(ctx) } } } },
    },
  });
  const rates = await cycleRates(ctx.db, ctx.workspace.id, visiblePartnershipSql(ctx, 'pt."partnerOrgId"'));
  return cycles.map(({ _count, frameworkVersion, ...c }) => ({
    ...c,
    frameworkVersion: frameworkVersion.version,
    responses: _count.responses,
    rate: rates.get(c.id) ?? rate(0, 0),
  }));
}

// One cycle with its response rates, for the company's own people.
export async function cycleDetail(ctx: WorkspaceCtx, cycleId: string) {
  const cycle = await ctx.db.cycle.findUnique({ where: { id: cycleId }, include: { frameworkVersion: { select: { version: true } } } });
  if (!cycle) throw notFound("Cycle");
  const { frameworkVersion, ...rest } = cycle;
  return { ...rest, frameworkVersion: frameworkVersion.version, rates: await responseRates(ctx.db, cycle.id) };
}

export async function createCycle(ctx: WorkspaceCtx, input: { label: string; opensAt: Date; closesAt: Date }) {
  if (input.closesAt <= input.opensAt) throw badRequest("The close date must be after the open date.");
  let cycle;
  try {
    cycle = await ctx.db.$transaction((tx) =>
      newCycle(tx, ctx.workspace.id, { label: input.label, opensAt: input.opensAt, closesAt: input.closesAt }),
    );
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`A cycle labelled "${input.label}" already exists.`);
    throw error;
  }
  if (!cycle) throw badRequest("This workspace has no framework yet.");
  return cycle;
}

export async function setCycleStatus(ctx: WorkspaceCtx, cycleId: string, status: "OPEN" | "CLOSED", now = new Date()) {
  const cycle = await ctx.db.cycle.findUnique({ where: { id: cycleId } });
  if (!cycle) throw notFound("Cycle");
  if (cycle.status === status) {
    throw badRequest(`${cycle.label} is already ${status === "OPEN" ? "open" : "closed"}.`);
  }
  if (status === "CLOSED") {
    if (cycle.status === "DRAFT") throw badRequest(`${cycle.label} has not been opened yet.`);
    await closeCycle(ctx.db, ctx.workspace.id, cycle.id, now);
    return { opened: false };
  }
  // Otherwise the schedule would close it again at once.
  if (cycle.closesAt <= now) {
    throw badRequest(`${cycle.label}'s close date has passed. Extend it to a later date before opening the cycle.`);
  }
  const opened = await openCycle(ctx.db, ctx.workspace.id, cycle.id, now);
  return { opened };
}

export async function extendCycle(ctx: WorkspaceCtx, cycleId: string, closesAt: Date, now = new Date()) {
  const cycle = await ctx.db.cycle.findUnique({ where: { id: cycleId } });
  if (!cycle) throw notFound("Cycle");
  if (closesAt <= now) throw badRequest("The new close date must be in the future.");
  if (closesAt <= cycle.opensAt) throw badRequest("The close date must be after the open date.");
  // Only the date changes: a closed cycle stays closed until an admin reopens it.
  return ctx.db.cycle.update({ where: { id: cycle.id }, data: { closesAt } });
}
