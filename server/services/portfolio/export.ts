// The CSV export's data, one batch of partnerships at a time so a portfolio of thousands never
// sits in memory at once. Side figures are left out wherever confidentiality would hide them on
// the scorecard; the combined figures always go.
import type { Prisma } from "../../db/generated/client";
import type { WorkspaceCtx } from "../../access/context";
import { loadScoredCycles } from "../cycle-scores";
import { badRequest } from "../../access/errors";
import { round1, visibleSides } from "../scoring";
import { loadHealthOf, loadPillarHistory, pairKey, partnershipWhere } from "./queries";
import { standings } from "./rows";
import { filtersSchema, type ExportBatch, type PortfolioFilters } from "./schema";

export const EXPORT_BATCH = 100;

export async function exportBatch(ctx: WorkspaceCtx, input: PortfolioFilters & { after?: string }): Promise<ExportBatch> {
  const filters = filtersSchema.parse(input);
  const where = partnershipWhere(filters);
  // Keyset paging in name order; the cursor must be a partnership of this workspace.
  let after: Prisma.PartnershipWhereInput = {};
  if (input.after) {
    const last = await ctx.db.partnership.findFirst({ where: { id: input.after }, select: { id: true, name: true } });
    if (!last) throw badRequest("The export's position is not a partnership of this workspace; start the download again.");
    after = { OR: [{ name: { gt: last.name } }, { name: last.name, id: { gt: last.id } }] };
  }
  const [cycles, batch] = await Promise.all([
    loadScoredCycles(ctx.db),
    ctx.db.partnership.findMany({
      where: { AND: [where, after] },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      take: EXPORT_BATCH + 1,
      select: {
        id: true,
        name: true,
        tier: true,
        phase: true,
        partnerOrg: { select: { name: true, region: true, industry: true } },
        owner: { select: { user: { select: { name: true } } } },
      },
    }),
  ]);
  const more = batch.length > EXPORT_BATCH;
  const page = batch.slice(0, EXPORT_BATCH);
  const ids = page.map((p) => p.id);
  const [matrix, history] = await Promise.all([
    loadHealthOf(ctx.db, ids),
    loadPillarHistory(
      ctx.db,
      ids,
      cycles.map((c) => c.id),
    ),
  ]);
  const privacy = { threshold: ctx.workspace.confidentialityThreshold, attributed: ctx.workspace.surveyMode === "ATTRIBUTED" };
  const band = new Map(standings(page, cycles, matrix, privacy).map((s) => [s.id, s.band ?? "NONE"]));
  const kept = filters.band ? page.filter((p) => band.get(p.id) === filters.band) : page;

  return {
    partnerships: kept.map((p) => ({
      name: p.name,
      partner: p.partnerOrg.name,
      tier: p.tier,
      phase: p.phase,
      owner: p.owner?.user.name ?? null,
      region: p.partnerOrg.region,
      industry: p.partnerOrg.industry,
      cycles: cycles.flatMap((c) => {
        const cell = matrix.get(p.id)?.get(c.id);
        if (!cell) return [];
        const sides = visibleSides({ HOST: cell.host, PARTNER: cell.partner }, privacy.threshold, privacy.attributed, true);
        const scores = history.get(pairKey(p.id, c.id));
        return [
          {
            label: c.label,
            health: round1(cell.health),
            responses: { host: cell.host, partner: cell.partner },
            hostVisible: sides.host,
            partnerVisible: sides.partner,
            pillars: c.pillars.map((def) => {
              const s = scores?.get(def.key);
              return {
                name: def.name,
                host: sides.host ? round1(s?.host ?? null) : null,
                partner: sides.partner ? round1(s?.partner ?? null) : null,
                combined: round1(s?.combined ?? null),
              };
            }),
          },
        ];
      }),
    })),
    next: more ? page.at(-1)!.id : null,
  };
}
