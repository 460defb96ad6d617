// The CSV export's data, one batch of partnerships at a time so a portfolio of thousands never
// sits in memory at once. Every figure goes by the scorecard's rule (confidentiality.ts): a cycle
// with too few responses gives its counts and why, no figures.
import type { Prisma } from "../../db/generated/client";
import type { WorkspaceCtx } from "../../access/context";
import { loadScoredCycles } from "../cycle-scores";
import { badRequest } from "../../access/errors";
import { enough, pillarsWithheldNote, privacyOf, tooFew } from "../confidentiality";
import { round1 } from "../scoring";
import { loadCycleReciprocity } from "./exchange";
import { loadAskedOf, loadHealthOf, loadPillarHistory, pairKey, partnershipWhere } from "./queries";
import { standings, viewOfCell } from "./rows";
import { filtersSchema, type ExportBatch, type PortfolioFilters } from "./schema";
import { auditExport } from "../export-audit";

export const EXPORT_BATCH = 100;

export async function exportBatch(ctx: WorkspaceCtx, input: PortfolioFilters & { after?: string }, now = new Date()): Promise<ExportBatch> {
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
  const cycleIds = cycles.map((c) => c.id);
  const [matrix, history, asked, reciprocity] = await Promise.all([
    loadHealthOf(ctx.db, ids),
    loadPillarHistory(ctx.db, ids, cycleIds),
    loadAskedOf(ctx.db, ids, cycleIds),
    loadCycleReciprocity(ctx.db, ids, cycles, now),
  ]);
  // A download starts with its first batch: that is when it is recorded, with its filters (the
  // owner by name), once the batch has been read.
  if (!input.after) {
    const owner = filters.owner
      ? await ctx.db.member.findFirst({ where: { id: filters.owner }, select: { user: { select: { name: true } } } })
      : null;
    await auditExport(ctx, {
      kind: "portfolio",
      format: "csv",
      what: "Portfolio scores",
      filters: { ...filters, ...(filters.owner ? { owner: owner?.user.name ?? filters.owner } : {}) },
    });
  }
  const privacy = privacyOf(ctx.workspace);
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
        const scores = history.get(pairKey(p.id, c.id));
        const view = viewOfCell(cell, scores, privacy);
        const responses = { host: cell.host, partner: cell.partner };
        let note: string | null = null;
        if (!view.shown) {
          const counts = { responses: cell.host + cell.partner, scored: cell.hostScored + cell.partnerScored };
          note = tooFew({ ...counts, asked: asked.get(pairKey(p.id, c.id)) ?? 0 }, privacy);
        } else if (!view.pillars) {
          const thin = c.pillars.filter((def) => {
            const s = scores?.get(def.key);
            return s && s.combined !== null && !enough(s.hostScored + s.partnerScored, privacy);
          });
          note = pillarsWithheldNote(
            c.label,
            thin.map((def) => def.name),
            privacy,
          );
        }
        return [
          {
            label: c.label,
            health: view.shown ? round1(cell.health) : null,
            responses,
            hostVisible: view.host,
            partnerVisible: view.partner,
            note,
            pillars: c.pillars.map((def) => {
              const s = scores?.get(def.key);
              const v = view.pillar.get(def.key);
              return {
                name: def.name,
                host: v?.host ? round1(s?.host ?? null) : null,
                partner: v?.partner ? round1(s?.partner ?? null) : null,
                combined: v?.combined ? round1(s?.combined ?? null) : null,
              };
            }),
          },
        ];
      }),
      reciprocity: reciprocity.get(p.id) ?? [],
    })),
    next: more ? page.at(-1)!.id : null,
  };
}
