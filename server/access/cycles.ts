// The resource steps around survey cycles: a cycle, the survey a member answers (cycle,
// partnership and their place on its list), and a partnership's list of people asked in a cycle.
import type { SurveyTarget, WorkspaceCtx } from "./context";
import { answersFor, decideAsked, decideParticipantsEdit, decideSurvey, seePartnership } from "./decide";
import { notFound } from "./errors";
import { actorOf, enforce, factsOf, findPartnership } from "./partnership";
import { byId } from "../db/tenant";

export async function loadCycle(ctx: WorkspaceCtx, cycleId: string) {
  const cycle = await ctx.db.cycle.findUnique({ where: byId(ctx.db, cycleId) });
  if (!cycle) throw notFound("Cycle");
  return cycle;
}

// A cycle that asks this member to answer, about any partnership (its reminders are theirs).
export async function loadAskedCycle(ctx: WorkspaceCtx, cycleId: string) {
  const cycle = await loadCycle(ctx, cycleId);
  const asked = await ctx.db.cycleParticipant.count({ where: { cycleId: cycle.id, memberId: ctx.member.id, excluded: false } });
  enforce(decideAsked(cycle, asked > 0));
  return cycle;
}

// The survey a member answers about a partnership in a cycle. Read together (each is one indexed
// lookup), then decided in order: a partnership the person may not see is not found, whatever the
// cycle; then the cycle; then whether they are asked.
export async function loadSurveyTarget(ctx: WorkspaceCtx, cycleId: string, partnershipId: string): Promise<SurveyTarget> {
  const [partnership, cycle, participant] = await Promise.all([
    findPartnership(ctx.db, ctx, partnershipId),
    ctx.db.cycle.findUnique({ where: byId(ctx.db, cycleId) }),
    ctx.db.cycleParticipant.findUnique({
      where: {
        workspaceId_cycleId_partnershipId_memberId: { workspaceId: ctx.workspace.id, cycleId, partnershipId, memberId: ctx.member.id },
      },
      select: { side: true, excluded: true },
    }),
  ]);
  if (!partnership) throw notFound("Partnership");
  const actor = actorOf(ctx);
  enforce(seePartnership(actor, partnership), "Partnership");
  if (!cycle) throw notFound("Cycle");
  const asked = participant !== null && !participant.excluded && answersFor(actor, partnership, participant.side);
  enforce(decideSurvey(actor, { ...factsOf(partnership), name: partnership.name }, cycle, asked));
  return {
    cycle,
    partnership: {
      id: partnership.id,
      name: partnership.name,
      partnerOrgId: partnership.partnerOrgId,
      partnerName: partnership.partnerOrg.name,
    },
    side: participant!.side,
  };
}

// A partnership's list of people asked in a cycle, for changing it.
export async function loadParticipantsTarget(ctx: WorkspaceCtx, cycleId: string, partnershipId: string) {
  const [cycle, partnership] = await Promise.all([
    ctx.db.cycle.findUnique({ where: byId(ctx.db, cycleId) }),
    findPartnership(ctx.db, ctx, partnershipId),
  ]);
  if (!cycle) throw notFound("Cycle");
  if (!partnership) throw notFound("Partnership");
  enforce(decideParticipantsEdit(actorOf(ctx), { ...factsOf(partnership), name: partnership.name }), "Partnership");
  return { cycle, partnership: { id: partnership.id, name: partnership.name, partnerOrgId: partnership.partnerOrgId } };
}
