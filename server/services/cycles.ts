// Survey cycles as admins manage them by hand: create, open, extend, close. The schedule job
// (schedule.ts) does the same on the workspace's cadence, through the same lifecycle steps.
import type { CycleCtx, WorkspaceCtx } from "../access/context";
import { badRequest, conflict } from "../access/errors";
import { isUniqueViolation } from "../db/errors";
import { closeCycle, newCycle, openCycle } from "./cycle-lifecycle";
import { cycleRates, rate, responseRates } from "./response-rates";
import { visiblePartnerships, visiblePartnershipSql } from "../access/filters";
import { byId } from "../db/tenant";

export async function listCycles(ctx: WorkspaceCtx) {
  const cycles = await ctx.db.cycle.findMany({
    orderBy: { opensAt: "desc" },
    include: {
      frameworkVersion: { select: { version: true } },
      // Counted over the partnerships the reader may see: a partner contact's count must not
      // move when another organisation answers.
      _count: { select: { responses: { where: { partnership: visiblePartnerships(ctx.member) } } } },
    },
  });
  const rates = await cycleRates(ctx.db, visiblePartnershipSql(ctx.member, 'pt."partnerOrgId"'));
  return cycles.map(({ _count, frameworkVersion, ...c }) => ({
    ...c,
    frameworkVersion: frameworkVersion.version,
    responses: _count.responses,
    rate: rates.get(c.id) ?? rate(0, 0),
  }));
}

// One cycle with its response rates, for the company's own people.
export async function cycleDetail(ctx: CycleCtx) {
  const cycle = await ctx.db.cycle.findUniqueOrThrow({
    where: byId(ctx.db, ctx.cycle.id),
    include: { frameworkVersion: { select: { version: true } } },
  });
  const { frameworkVersion, ...rest } = cycle;
  return { ...rest, frameworkVersion: frameworkVersion.version, rates: await responseRates(ctx.db, cycle.id) };
}

export async function createCycle(ctx: WorkspaceCtx, input: { label: string; opensAt: Date; closesAt: Date }) {
  if (input.closesAt <= input.opensAt) throw badRequest("The close date must be after the open date.");
  let cycle;
  try {
    cycle = await ctx.db.$transaction((tx) => newCycle(tx, { label: input.label, opensAt: input.opensAt, closesAt: input.closesAt }));
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`A cycle labelled "${input.label}" already exists.`);
    throw error;
  }
  if (!cycle) throw badRequest("This workspace has no framework yet.");
  return cycle;
}

export async function setCycleStatus(ctx: CycleCtx, status: "OPEN" | "CLOSED", now = new Date()) {
  const { cycle } = ctx;
  if (cycle.status === status) {
    throw badRequest(`${cycle.label} is already ${status === "OPEN" ? "open" : "closed"}.`);
  }
  if (status === "CLOSED") {
    if (cycle.status === "DRAFT") throw badRequest(`${cycle.label} has not been opened yet.`);
    await closeCycle(ctx.db, cycle.id, now);
    return { opened: false };
  }
  // Otherwise the schedule would close it again at once.
  if (cycle.closesAt <= now) {
    throw badRequest(`${cycle.label}'s close date has passed. Extend it to a later date before opening the cycle.`);
  }
  const opened = await openCycle(ctx.db, cycle.id, now);
  return { opened };
}

export async function extendCycle(ctx: CycleCtx, closesAt: Date, now = new Date()) {
  const { cycle } = ctx;
  if (closesAt <= now) throw badRequest("The new close date must be in the future.");
  if (closesAt <= cycle.opensAt) throw badRequest("The close date must be after the open date.");
  // Only the date changes: a closed cycle stays closed until an admin reopens it.
  return ctx.db.cycle.update({ where: byId(ctx.db, cycle.id), data: { closesAt } });
}
