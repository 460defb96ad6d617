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
  if (input.closesAt <= input.opensAt) throw badRequest("The close date must be after the open date.", "closesAt");
  let cycle;
  try {
    cycle = await ctx.db.$transaction((tx) => newCycle(tx, { label: input.label, opensAt: input.opensAt, closesAt: input.closesAt }));
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`A cycle labelled "${input.label}" already exists. Choose another label.`, "label");
    throw error;
  }
  if (!cycle) throw badRequest("This workspace has no framework yet.");
  return cycle;
}

// A workspace runs one cycle at a time (the database holds the same rule: a unique index on the
// open cycle). Two open at once would ask a partner twice about one partnership.
async function otherOpenCycle(ctx: CycleCtx) {
  return ctx.db.cycle.findFirst({ where: { status: "OPEN", id: { not: ctx.cycle.id } }, select: { label: true } });
}

const oneAtATime = (open: string, label: string) =>
  conflict(`${open} is open. Close it before opening ${label}: a workspace runs one cycle at a time.`);

// What opening this cycle will do, for the confirmation an admin answers first: how many people
// are asked (each is emailed their survey link when it opens), about how many partnerships, and
// whether another cycle stands in the way.
export async function openingPreview(ctx: CycleCtx) {
  const { cycle } = ctx;
  const [people, partnerships, blocking] = await Promise.all([
    ctx.db.cycleParticipant.groupBy({ by: ["memberId"], where: { cycleId: cycle.id, excluded: false } }),
    ctx.db.cycleParticipant.groupBy({ by: ["partnershipId"], where: { cycleId: cycle.id, excluded: false } }),
    otherOpenCycle(ctx),
  ]);
  return {
    label: cycle.label,
    status: cycle.status,
    people: people.length,
    partnerships: partnerships.length,
    // A reopened cycle sends no new invitation: those asked had theirs when it first opened.
    emailsInvitations: cycle.status === "DRAFT",
    blockedBy: blocking?.label ?? null,
  };
}

export async function setCycleStatus(ctx: CycleCtx, status: "OPEN" | "CLOSED", now = new Date()) {
  const { cycle } = ctx;
  // Already so (the schedule opened or closed it while the admin was deciding, or a second click):
  // what was asked for holds, and nothing more happens.
  if (cycle.status === status) return { opened: false };
  if (status === "CLOSED") {
    if (cycle.status === "DRAFT") throw badRequest(`${cycle.label} has not been opened yet.`);
    await closeCycle(ctx.db, cycle.id, now);
    return { opened: false };
  }
  // Otherwise the schedule would close it again at once.
  if (cycle.closesAt <= now) {
    throw badRequest(`${cycle.label}'s close date has passed. Extend it to a later date before opening the cycle.`);
  }
  const blocking = await otherOpenCycle(ctx);
  if (blocking) throw oneAtATime(blocking.label, cycle.label);
  try {
    return { opened: await openCycle(ctx.db, cycle.id, now) };
  } catch (error) {
    // Another cycle was opened in the same moment (an admin, or the schedule).
    if (!isUniqueViolation(error)) throw error;
    throw oneAtATime((await otherOpenCycle(ctx))?.label ?? "Another cycle", cycle.label);
  }
}

export async function extendCycle(ctx: CycleCtx, closesAt: Date, now = new Date()) {
  const { cycle } = ctx;
  if (closesAt <= now) throw badRequest("The new close date must be in the future.", "closesAt");
  if (closesAt <= cycle.opensAt) throw badRequest("The close date must be after the open date.", "closesAt");
  // Only the date changes: a closed cycle stays closed until an admin reopens it.
  return ctx.db.cycle.update({ where: byId(ctx.db, cycle.id), data: { closesAt } });
}
