// The current health of a page of partnerships, as the scorecard and the portfolio show it: the
// same stored aggregates, read for these partnerships only, and the same rules (portfolio/rows.ts
// standings: the latest cycle whose figures confidentiality.ts lets show). Where a newer cycle is
// withheld, it says why in the words every page uses ("too few responses (1 of 8)").
import type { WorkspaceCtx } from "../../access/context";
import { minimumResponses, privacyOf, tooFew, type Privacy } from "../confidentiality";
import { loadScoredCycles } from "../cycle-scores";
import { loadAskedOf, loadHealthOf, pairKey } from "../portfolio/queries";
import { standings } from "../portfolio/rows";
import { BAND_FLOORS, round1, type Band } from "../scoring";
import { Prisma } from "../../db/generated/client";

export interface ListHealth {
  // The figure and band of `cycleLabel`, the latest cycle that may be shown; null without one.
  health: number | null;
  band: Band | null;
  cycleLabel: string | null;
  // Against the previous cycle that may be shown; null without one (or when trends are not shared).
  change: number | null;
  // A newer cycle whose figures are withheld, and why; null when the latest cycle shows.
  withheld: { cycleLabel: string; text: string } | null;
}

export async function healthOf(ctx: WorkspaceCtx, ids: string[], trends: boolean): Promise<Map<string, ListHealth>> {
  if (ids.length === 0) return new Map();
  const privacy = privacyOf(ctx.workspace);
  const [cycles, matrix] = await Promise.all([loadScoredCycles(ctx.db), loadHealthOf(ctx.db, ids)]);
  const rows = standings(
    ids.map((id) => ({ id, name: "" })),
    cycles,
    matrix,
    privacy,
  );
  const withheldRows = rows.filter((r) => r.latest > r.current);
  const asked = await loadAskedOf(
    ctx.db,
    withheldRows.map((r) => r.id),
    [...new Set(withheldRows.map((r) => cycles[r.latest]!.id))],
  );
  const withheldOf = (id: string, latest: number, p: Privacy) => {
    const cycle = cycles[latest]!;
    const cell = matrix.get(id)!.get(cycle.id)!;
    const counts = { responses: cell.host + cell.partner, scored: cell.hostScored + cell.partnerScored };
    return { cycleLabel: cycle.label, text: tooFew({ ...counts, asked: asked.get(pairKey(id, cycle.id)) ?? 0 }, p) };
  };
  return new Map(
    rows.map((r) => [
      r.id,
      {
        health: round1(r.health),
        band: r.band,
        cycleLabel: r.current >= 0 ? cycles[r.current]!.label : null,
        change: trends ? round1(r.change) : null,
        withheld: r.latest > r.current ? withheldOf(r.id, r.latest, privacy) : null,
      },
    ]),
  );
}

// The same current health in SQL, for filtering and sorting a whole list by it without loading it:
// per partnership, the health of its newest open or closed cycle with a health index and enough
// responses behind it (confidentiality.ts's minimum, as the scorecard's own read uses it). Joined
// on p.id by the caller; the band boundaries are scoring.ts's, read on the rounded score.
export function currentHealthSql(ctx: WorkspaceCtx, workspace: symbol): Prisma.Sql {
  return Prisma.sql`
    SELECT DISTINCT ON (s."partnershipId") s."partnershipId", s.health
    FROM "PartnershipCycleScore" s JOIN "Cycle" c ON c."workspaceId" = s."workspaceId" AND c.id = s."cycleId"
    WHERE s."workspaceId" = ${workspace} AND c.status IN ('OPEN', 'CLOSED') AND s.health IS NOT NULL
      AND s."hostScored" + s."partnerScored" >= ${minimumResponses(privacyOf(ctx.workspace))}
    ORDER BY s."partnershipId", c."opensAt" DESC`;
}

// round(health) as Math.round reads it (scoring.ts's band), compared with the band's limits.
export function bandSql(band: Band | "NONE", column: Prisma.Sql): Prisma.Sql {
  const shown = Prisma.sql`floor(${column} + 0.5)`;
  if (band === "NONE") return Prisma.sql`${column} IS NULL`;
  if (band === "HEALTHY") return Prisma.sql`${shown} >= ${BAND_FLOORS.HEALTHY}`;
  if (band === "WATCH") return Prisma.sql`${shown} >= ${BAND_FLOORS.WATCH} AND ${shown} < ${BAND_FLOORS.HEALTHY}`;
  return Prisma.sql`${shown} < ${BAND_FLOORS.WATCH}`;
}
