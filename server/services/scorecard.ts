// One partnership's scorecard, shaped so the page and its charts draw it without computing.
import { z } from "zod";
import type { WorkspaceCtx } from "../trpc/procedures";
import { loadCycleScores, loadScoredCycles } from "./cycle-scores";
import { BAND_LABEL, band, perceptionGap, round1, trend, visibleSides, type CycleScore } from "./scoring";
import { findVisiblePartnership } from "./visibility";

const score = z.number().nullable();
const bandSchema = z.enum(["HEALTHY", "WATCH", "AT_RISK"]);

export const scorecardOutput = z.object({
  partnership: z.object({
    id: z.string(),
    name: z.string(),
    partnerName: z.string(),
    tier: z.string(),
    phase: z.string(),
    renewalDate: z.date().nullable(),
    ownerName: z.string().nullable(),
  }),
  current: z
    .object({
      cycleLabel: z.string(),
      cycleOpen: z.boolean(),
      health: z.number(),
      band: bandSchema,
      bandLabel: z.string(),
      change: score,
      responses: z.object({ host: z.number(), partner: z.number() }),
    })
    .nullable(),
  pillars: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      score,
      band: bandSchema.nullable(),
      change: score,
      host: score,
      partner: score,
      gap: score,
      gapFlagged: z.boolean(),
      higher: z.enum(["HOST", "PARTNER"]).nullable(),
    }),
  ),
  sides: z.object({
    // False for partner contacts: they see the combined, shared view.
    shown: z.boolean(),
    // The cycle the host and partner figures come from (see buildScorecard).
    cycleLabel: z.string().nullable(),
    hostVisible: z.boolean(),
    partnerVisible: z.boolean(),
    threshold: z.number(),
    notes: z.array(z.string()),
  }),
  seriesKeys: z.array(z.object({ key: z.string(), name: z.string() })),
  // One point per cycle, oldest first: { label, health, <pillar key>: score }.
  series: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))),
});
export type Scorecard = z.infer<typeof scorecardOutput>;

export async function buildScorecard(ctx: WorkspaceCtx, partnershipId: string): Promise<Scorecard> {
  const partnership = await findVisiblePartnership(ctx, partnershipId);
  const cycles = await loadScoredCycles(ctx.db);
  const scores = (await loadCycleScores(ctx.db, cycles, { id: partnership.id })).get(partnership.id);
  const at = (cycleId: string): CycleScore | undefined => scores?.get(cycleId);

  const keys = new Map<string, string>();
  for (const c of cycles) for (const p of c.pillars) keys.set(p.key, p.name);
  const seriesKeys = [...keys].map(([key, name]) => ({ key, name }));

  const series = cycles.map((c) => {
    const s = at(c.id);
    const point: Record<string, string | number | null> = { label: c.label, health: round1(s?.health ?? null) };
    for (const { key } of seriesKeys) point[key] = round1(s?.pillars.find((p) => p.key === key)?.combined ?? null);
    return point;
  });

  const currentIndex = cycles.findLastIndex((c) => at(c.id)?.health != null);
  const info = {
    id: partnership.id,
    name: partnership.name,
    partnerName: partnership.partnerOrg.name,
    tier: partnership.tier,
    phase: partnership.phase,
    renewalDate: partnership.renewalDate,
    ownerName: partnership.owner?.user.name ?? null,
  };
  const threshold = ctx.workspace.confidentialityThreshold;
  const attributed = ctx.workspace.surveyMode === "ATTRIBUTED";
  const shown = ctx.role !== "PARTNER";

  if (currentIndex < 0) {
    return {
      partnership: info,
      current: null,
      pillars: [],
      sides: { shown, cycleLabel: null, hostVisible: false, partnerVisible: false, threshold, notes: [] },
      seriesKeys,
      series,
    };
  }

  const cycle = cycles[currentIndex]!;
  const current = at(cycle.id)!;
  const upToCurrent = cycles.slice(0, currentIndex + 1);
  const history = (pick: (s: CycleScore) => number | null) =>
    upToCurrent.map((c) => {
      const s = at(c.id);
      return s ? pick(s) : null;
    });

  // The two-sided view comes from the latest cycle in which both sides may be shown: while the
  // current cycle is still filling up, the previous full picture is more use than a blank one.
  const sidesOf = (c: { id: string }) => {
    const s = at(c.id);
    return s ? visibleSides(s.responses, threshold, attributed, shown) : { host: false, partner: false };
  };
  const fullIndex = upToCurrent.findLastIndex((c) => {
    const v = sidesOf(c);
    return v.host && v.partner;
  });
  const sidesCycle = fullIndex >= 0 ? upToCurrent[fullIndex]! : cycle;
  const sidesScore = at(sidesCycle.id)!;
  const { host: hostVisible, partner: partnerVisible } = sidesOf(sidesCycle);

  const notes: string[] = [];
  if (shown && sidesCycle !== cycle) {
    const counts = `your team ${current.responses.HOST}, ${partnership.partnerOrg.name} ${current.responses.PARTNER}`;
    notes.push(
      `${cycle.label} does not have enough responses from both sides yet (${counts}; ${attributed ? "each side needs one" : `each side needs ${threshold}`}), ` +
        `so this shows ${sidesCycle.label}, the latest cycle where both sides can be shown.`,
    );
  } else if (shown && !(hostVisible && partnerVisible)) {
    const counts = `your team ${current.responses.HOST}, ${partnership.partnerOrg.name} ${current.responses.PARTNER}`;
    notes.push(
      attributed
        ? `Each side's scores show once that side has answered in ${cycle.label} (${counts} so far).`
        : `Each side's own scores show once both sides have at least ${threshold} responses in ${cycle.label} (${counts} so far). ` +
            `Until then only the combined score shows: next to it, one side's score would give away the other's.`,
    );
  }

  const pillars = cycle.pillars.map((def) => {
    const s = current.pillars.find((p) => p.key === def.key)!;
    const side = sidesScore.pillars.find((p) => p.key === def.key);
    const host = hostVisible ? (side?.host ?? null) : null;
    const partner = partnerVisible ? (side?.partner ?? null) : null;
    const gap = perceptionGap({ host, partner });
    return {
      key: def.key,
      name: def.name,
      score: round1(s.combined),
      band: s.combined === null ? null : band(s.combined),
      change: round1(trend(history((x) => x.pillars.find((p) => p.key === def.key)?.combined ?? null))),
      host: round1(host),
      partner: round1(partner),
      gap: round1(gap?.gap ?? null),
      gapFlagged: gap?.flagged ?? false,
      higher: gap?.higher ?? null,
    };
  });

  const health = current.health!;
  return {
    partnership: info,
    current: {
      cycleLabel: cycle.label,
      cycleOpen: cycle.status === "OPEN",
      health: round1(health)!,
      band: band(health),
      bandLabel: BAND_LABEL[band(health)],
      change: round1(trend(history((x) => x.health))),
      responses: { host: current.responses.HOST, partner: current.responses.PARTNER },
    },
    pillars,
    sides: { shown, cycleLabel: sidesCycle.label, hostVisible, partnerVisible, threshold, notes },
    seriesKeys,
    series,
  };
}
