// The whole portfolio at once: each partnership's current health, and the program across cycles.
import { z } from "zod";
import type { WorkspaceCtx } from "../trpc/procedures";
import { loadCycleScores, loadScoredCycles } from "./cycle-scores";
import { band, mean, round1, trend, type Band } from "./scoring";

const bandSchema = z.enum(["HEALTHY", "WATCH", "AT_RISK"]);

export const portfolioOutput = z.object({
  rows: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      partnerName: z.string(),
      tier: z.string(),
      phase: z.string(),
      ownerName: z.string().nullable(),
      cycleLabel: z.string().nullable(),
      health: z.number().nullable(),
      band: bandSchema.nullable(),
      change: z.number().nullable(),
      pillars: z.record(z.string(), z.number().nullable()),
    }),
  ),
  pillarKeys: z.array(z.object({ key: z.string(), name: z.string() })),
  // One point per cycle, oldest first.
  series: z.array(
    z.object({
      label: z.string(),
      average: z.number().nullable(),
      scored: z.number(),
      HEALTHY: z.number(),
      WATCH: z.number(),
      AT_RISK: z.number(),
    }),
  ),
  summary: z.object({
    partnerships: z.number(),
    average: z.number().nullable(),
    change: z.number().nullable(),
    bands: z.object({ HEALTHY: z.number(), WATCH: z.number(), AT_RISK: z.number(), NONE: z.number() }),
  }),
});
export type Portfolio = z.infer<typeof portfolioOutput>;

export async function buildPortfolio(ctx: WorkspaceCtx): Promise<Portfolio> {
  // Exited partnerships leave the active portfolio; their history stays on their scorecards.
  const partnerships = await ctx.db.partnership.findMany({
    where: { phase: { not: "EXITED" } },
    include: { partnerOrg: { select: { name: true } }, owner: { select: { user: { select: { name: true } } } } },
    orderBy: { name: "asc" },
  });
  const cycles = await loadScoredCycles(ctx.db);
  const table = await loadCycleScores(ctx.db, cycles, { phase: { not: "EXITED" } });
  // Columns for every pillar any shown score has: the newest framework's first, then pillars an
  // edit removed, which partnerships scored only in older cycles still carry.
  const pillarKeys = new Map<string, string>();
  for (const c of [...cycles].reverse()) for (const p of c.pillars) if (!pillarKeys.has(p.key)) pillarKeys.set(p.key, p.name);

  const rows = partnerships.map((p) => {
    const scores = table.get(p.id);
    const healthSeries = cycles.map((c) => scores?.get(c.id)?.health ?? null);
    const idx = healthSeries.findLastIndex((h) => h !== null);
    const current = idx >= 0 ? scores!.get(cycles[idx]!.id)! : null;
    const health = current?.health ?? null;
    return {
      id: p.id,
      name: p.name,
      partnerName: p.partnerOrg.name,
      tier: p.tier,
      phase: p.phase,
      ownerName: p.owner?.user.name ?? null,
      cycleLabel: idx >= 0 ? cycles[idx]!.label : null,
      health: round1(health),
      band: health === null ? null : band(health),
      change: round1(idx >= 0 ? trend(healthSeries.slice(0, idx + 1)) : null),
      pillars: Object.fromEntries(current?.pillars.map((s) => [s.key, round1(s.combined)]) ?? []),
    };
  });
  rows.sort((a, b) => (b.health ?? -1) - (a.health ?? -1) || a.name.localeCompare(b.name));

  const series = cycles.map((c) => {
    const healths = partnerships.map((p) => table.get(p.id)?.get(c.id)?.health ?? null).filter((h): h is number => h !== null);
    const counts: Record<Band, number> = { HEALTHY: 0, WATCH: 0, AT_RISK: 0 };
    for (const h of healths) counts[band(h)]++;
    return { label: c.label, average: round1(mean(healths)), scored: healths.length, ...counts };
  });

  const bands = { HEALTHY: 0, WATCH: 0, AT_RISK: 0, NONE: 0 };
  for (const r of rows) bands[r.band ?? "NONE"]++;
  return {
    rows,
    pillarKeys: [...pillarKeys].map(([key, name]) => ({ key, name })),
    series,
    summary: {
      partnerships: rows.length,
      average: round1(mean(rows.flatMap((r) => (r.health === null ? [] : [r.health])))),
      // The mean of each partnership's own change, so partnerships scored in different cycles
      // compare like with like.
      change: round1(mean(rows.flatMap((r) => (r.change === null ? [] : [r.change])))),
      bands,
    },
  };
}
