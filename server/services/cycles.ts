// Survey cycles: created by admins, opened and closed by hand (a schedule comes later). A cycle
// freezes the framework version that is current when it is created.
import type { WorkspaceCtx } from "../trpc/procedures";
import { badRequest, conflict, isUniqueViolation, notFound } from "./errors";
import { latestFrameworkVersion } from "./framework";
import { visiblePartnerships } from "./visibility";

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
  return cycles.map(({ _count, frameworkVersion, ...c }) => ({
    ...c,
    frameworkVersion: frameworkVersion.version,
    responses: _count.responses,
  }));
}

export async function createCycle(ctx: WorkspaceCtx, input: { label: string; opensAt: Date; closesAt: Date }) {
  if (input.closesAt <= input.opensAt) throw badRequest("The close date must be after the open date.");
  const version = await latestFrameworkVersion(ctx.db);
  if (!version) throw badRequest("This workspace has no framework yet.");
  try {
    return await ctx.db.cycle.create({
      data: {
        workspaceId: ctx.workspace.id,
        label: input.label,
        opensAt: input.opensAt,
        closesAt: input.closesAt,
        frameworkVersionId: version.id,
      },
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`A cycle labelled "${input.label}" already exists.`);
    throw error;
  }
}

export async function setCycleStatus(ctx: WorkspaceCtx, cycleId: string, status: "OPEN" | "CLOSED") {
  const cycle = await ctx.db.cycle.findUnique({ where: { id: cycleId } });
  if (!cycle) throw notFound("Cycle");
  if (cycle.status === status) {
    throw badRequest(`${cycle.label} is already ${status === "OPEN" ? "open" : "closed"}.`);
  }
  if (status === "CLOSED" && cycle.status === "DRAFT") throw badRequest(`${cycle.label} has not been opened yet.`);
  // Only `status` changes: reopening a closed cycle keeps every answer it had.
  return ctx.db.cycle.update({ where: { id: cycle.id }, data: { status } });
}
