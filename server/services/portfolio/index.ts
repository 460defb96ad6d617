// The whole portfolio at once, for the current filter: the program's spread now and per cycle,
// one page of the heatmap, and the lists of partnerships that need attention.
import type { WorkspaceCtx } from "../../access/context";
import { loadScoredCycles } from "../cycle-scores";
import { privacyOf, tooFew } from "../confidentiality";
import { round1 } from "../scoring";
import { pageOf, pillarCells, resolveSort, shownPillars, sortRows } from "./heatmap";
import { gapSentence } from "../scorecard/words";
import { givenSentence } from "../exchange/words";
import { leastBalanced, loadReciprocity, reciprocityCell, yearOf } from "./exchange";
import { atRisk, gapPillarPairs, gaps, lowResponseRates, movers, rateCycle } from "./insights";
import {
  ACTIVE,
  loadFilterOptions,
  loadAskedOf,
  loadHealthMatrix,
  loadDetails,
  loadParticipantCounts,
  loadPartnerships,
  loadPillarHistory,
  loadPillarPairs,
  pairKey,
  partnershipWhere,
  type PillarTable,
} from "./queries";
import { standings, type Standing } from "./rows";
import { filtersSchema, INSIGHT_EXPANDED, INSIGHT_PREVIEW, type OverviewInput, type Portfolio } from "./schema";
import { cycleSeries, summaryOf } from "./spread";

export { exportBatch } from "./export";
export { exportInput, exportOutput, overviewInput, portfolioOutput, type Portfolio } from "./schema";

// Columns for every pillar a shown score has: the newest framework's first, then pillars an
// edit removed, which partnerships scored only in older cycles still carry.
export function pillarColumns(cycles: { pillars: { key: string; name: string }[] }[]) {
  const keys = new Map<string, string>();
  for (const c of [...cycles].reverse()) for (const p of c.pillars) if (!keys.has(p.key)) keys.set(p.key, p.name);
  return [...keys].map(([key, name]) => ({ key, name }));
}

export async function buildPortfolio(ctx: WorkspaceCtx, input: OverviewInput, now = new Date()): Promise<Portfolio> {
  const filters = filtersSchema.parse(input);
  const where = partnershipWhere(filters);
  const cyclesLoaded = loadScoredCycles(ctx.db);
  // Response rates need only the cycle list, so they load alongside the rest.
  const askedLoaded = cyclesLoaded.then((cycles) => {
    const rated = rateCycle(cycles);
    return rated ? loadParticipantCounts(ctx.db, rated.id) : new Map<string, number>();
  });
  const year = yearOf(now);
  const [cycles, partnerships, matrix, options, active, asked, reciprocity] = await Promise.all([
    cyclesLoaded,
    loadPartnerships(ctx.db, where),
    loadHealthMatrix(ctx.db),
    loadFilterOptions(ctx.db),
    ctx.db.partnership.count({ where: ACTIVE }),
    askedLoaded,
    loadReciprocity(ctx.db, year),
  ]);
  const pillarKeys = pillarColumns(cycles);
  const sort = resolveSort(input.sort, input.dir, pillarKeys);
  const privacy = privacyOf(ctx.workspace);
  const all = standings(partnerships, cycles, matrix, privacy);
  const rows = filters.band ? all.filter((r) => (r.band ?? "NONE") === filters.band) : all;

  // Pillar rows of the current filter's partnerships only when sorting by a pillar (the current
  // cycle's), and of the rare cycles whose stored largest gap cannot be taken as it is (a pillar
  // with too few responses of a side, see insights.ts); the gaps otherwise come from the stored
  // largest gap per cycle, in the matrix.
  const byPillar = sort.column.startsWith("pillar:");
  const sortPairs = byPillar ? rows.flatMap((r) => (r.current >= 0 ? [{ partnershipId: r.id, cycleId: cycles[r.current]!.id }] : [])) : [];
  const pairs = [...sortPairs, ...gapPillarPairs(rows, cycles, matrix, privacy)];
  const rated = rateCycle(cycles);
  const scored = new Map<string, number>();
  for (const byCycle of matrix.values()) for (const cycleId of byCycle.keys()) scored.set(cycleId, (scored.get(cycleId) ?? 0) + 1);
  const pillars: PillarTable = pairs.length ? await loadPillarPairs(ctx.db, pairs, (cycleId) => scored.get(cycleId) ?? 0) : new Map();

  const currentPillar = (r: Standing, key: string) =>
    r.current < 0 ? null : shownPillars(r.id, cycles[r.current], matrix, pillars, privacy)(key);
  const sorted = sortRows(rows, sort, currentPillar);
  const { items: pageRows, page } = pageOf(sorted, input.page, input.pageSize);

  const moved = movers(rows, INSIGHT_PREVIEW);
  const risky = atRisk(rows, INSIGHT_PREVIEW);
  const gapFindings = gaps(rows, cycles, matrix, pillars, privacy);
  const shownGaps = gapFindings.slice(0, input.expand === "gaps" ? INSIGHT_EXPANDED : INSIGHT_PREVIEW);
  const lowRates = rated ? lowResponseRates(rows, rated.id, asked, matrix) : [];
  const shownRates = lowRates.slice(0, input.expand === "responses" ? INSIGHT_EXPANDED : INSIGHT_PREVIEW);
  const unbalanced = leastBalanced(rows, reciprocity);
  const shownUnbalanced = unbalanced.slice(0, input.expand === "balance" ? INSIGHT_EXPANDED : INSIGHT_PREVIEW);

  // Names of partner organisations and owners only for what is shown.
  const byId = new Map(rows.map((r) => [r.id, r]));
  const shownIds = new Set([
    ...pageRows.map((r) => r.id),
    ...[moved.up, moved.down, risky].flatMap((l) => l.items.map((i) => i.id)),
    ...shownGaps.map((g) => g.id),
    ...shownRates.map((r) => r.id),
    ...shownUnbalanced.map((r) => r.id),
  ]);
  // Rows whose latest cycle had too few responses say so, with the people asked then.
  const withheldRows = pageRows.filter((r) => r.latest > r.current);
  const [details, history, askedThen] = await Promise.all([
    loadDetails(ctx.db, [...shownIds]),
    // A pillar's change is against the partnership's previous showable cycle, so only that cycle
    // and the current one are read for the rows shown.
    loadPillarHistory(
      ctx.db,
      pageRows.filter((r) => r.current >= 0).map((r) => r.id),
      [...new Set(pageRows.flatMap((r) => [r.current, r.previous].filter((i) => i >= 0).map((i) => cycles[i]!.id)))],
    ),
    loadAskedOf(
      ctx.db,
      withheldRows.map((r) => r.id),
      [...new Set(withheldRows.map((r) => cycles[r.latest]!.id))],
    ),
  ]);
  const ownerNames = new Map(options.owners.map((o) => [o.id, o.name]));
  const partnerName = (id: string) => details.get(id)!.partnerName;
  const withPartner = <T extends { id: string }>(item: T) => ({ ...item, partnerName: partnerName(item.id) });
  const withheldOf = (r: Standing) => {
    if (r.latest <= r.current) return null;
    const cycle = cycles[r.latest]!;
    const cell = matrix.get(r.id)!.get(cycle.id)!;
    const counts = { responses: cell.host + cell.partner, scored: cell.hostScored + cell.partnerScored };
    return { cycleLabel: cycle.label, text: tooFew({ ...counts, asked: askedThen.get(pairKey(r.id, cycle.id)) ?? 0 }, privacy) };
  };

  return {
    filters: { applied: filters, options },
    summary: summaryOf(rows, active),
    // A cycle nobody has answered (just opened, or made by mistake) is no column of the trend.
    series: cycleSeries(cycles, rows).filter((_, i) => scored.has(cycles[i]!.id)),
    pillarKeys,
    sort,
    page,
    rows: pageRows.map((r) => {
      const d = details.get(r.id)!;
      return {
        id: r.id,
        name: r.name,
        partnerName: d.partnerName,
        tier: d.tier,
        phase: d.phase,
        ownerName: d.ownerMemberId ? (ownerNames.get(d.ownerMemberId) ?? null) : null,
        cycleLabel: r.current >= 0 ? cycles[r.current]!.label : null,
        withheld: withheldOf(r),
        health: round1(r.health),
        band: r.band,
        change: round1(r.change),
        ...pillarCells(r, cycles, history, pillarKeys, matrix, privacy),
        reciprocity: reciprocityCell(reciprocity.get(r.id)),
      };
    }),
    reciprocityYear: year,
    insights: {
      moversUp: { items: moved.up.items.map(withPartner), total: moved.up.total },
      moversDown: { items: moved.down.items.map(withPartner), total: moved.down.total },
      atRisk: { items: risky.items.map(withPartner), total: risky.total },
      gaps: {
        items: shownGaps.map((g) => {
          const item = withPartner({ ...g, name: byId.get(g.id)!.name, gap: round1(g.gap)! });
          // In the scorecard's words, so both say the same thing about the same gap.
          const reader = { partner: false, partnerName: item.partnerName, workspaceName: ctx.workspace.name };
          return { ...item, text: gapSentence(reader, g.pillar, g.gap, g.higher) };
        }),
        total: gapFindings.length,
      },
      leastBalanced: {
        items: shownUnbalanced.map((b) => {
          const item = withPartner(b);
          return { ...item, text: givenSentence({ HOST: ctx.workspace.name, PARTNER: item.partnerName }, b.given, b.delivered) };
        }),
        total: unbalanced.length,
      },
      responseRates: {
        cycleLabel: rated?.label ?? null,
        cycleOpen: rated?.status === "OPEN",
        items: shownRates.map(withPartner),
        total: lowRates.length,
      },
    },
  };
}
