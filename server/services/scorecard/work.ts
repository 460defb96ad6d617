// The partnership's work beside its scores: each cycle's retro, the actions still open, and the
// actions done for each pillar since the previous scored cycle, which the page sets beside that
// pillar's change so both sides can see whether what they did worked. Null for a reader who may
// see the scorecard but not the partnership's working papers (a manager who does not work on it).
import { actionsDoneByPillar, openActionsFor } from "../actions/scorecard";
import { cycleShown, privacyOf } from "../confidentiality";
import { retroLinksFor } from "../retro";
import type { WorkspaceCtx } from "../../access/context";
import { workAccess } from "../../access/partnership";

export async function buildScorecardWork(ctx: WorkspaceCtx, partnershipId: string, now = new Date()) {
  const access = await workAccess(ctx, partnershipId);
  if (!access.work) return null;
  // The two latest cycles whose health index may be shown (confidentiality.ts): the change the
  // scorecard shows is between them.
  const privacy = privacyOf(ctx.workspace);
  const scored = await ctx.db.partnershipCycleScore.findMany({
    where: { partnershipId, health: { not: null } },
    select: { hostScored: true, partnerScored: true, cycle: { select: { label: true, closesAt: true, status: true } } },
    orderBy: { cycle: { opensAt: "desc" } },
  });
  const [current, previous] = scored
    .filter((s) => cycleShown({ HOST: s.hostScored, PARTNER: s.partnerScored }, privacy))
    .map((s) => s.cycle);
  // Done after the previous cycle closed and by the time the current one closed (or now, while
  // it is open): what could have moved this cycle's answers.
  const until = current && current.status !== "OPEN" && current.closesAt < now ? current.closesAt : now;
  const [retros, open, done] = await Promise.all([
    retroLinksFor(ctx, partnershipId),
    openActionsFor(ctx, partnershipId),
    current ? actionsDoneByPillar(ctx, partnershipId, previous?.closesAt ?? null, until) : Promise.resolve([]),
  ]);
  return {
    cycleLabel: current?.label ?? null,
    sinceLabel: previous?.label ?? null,
    retros,
    openActions: open,
    doneByPillar: done,
  };
}

export type ScorecardWork = NonNullable<Awaited<ReturnType<typeof buildScorecardWork>>>;
