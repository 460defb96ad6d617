// Every scorecard and portfolio figure of a generated workspace, checked against numbers this
// test computes on its own from the raw answers in the database (plain arithmetic written out
// below, not the app's scoring functions), for every partnership and cycle. A cycle's figures
// show only when at least 3 responses (the default threshold) gave an answer other than "Don't
// know"; the others are skipped, as DESIGN.md's confidentiality rule says.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { deleteScaleWorkspace, generateScaleWorkspace } from "../../server/cli/scale/generate";
import { callerFor, db } from "./helpers";

const slug = `figures-${randomUUID().slice(0, 8)}`;
afterAll(() => deleteScaleWorkspace(db(), slug));

type Side = "HOST" | "PARTNER";
const avg = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
const round1 = (x: number) => Math.round(x * 10) / 10;

const THRESHOLD = 3;

// partnershipId:cycleId -> health, from Answer rows: per response and pillar the mean of the
// answered values as 0-100, per side the mean of those, combined the mean of the sides present,
// health the mean of the scored pillars (the generated framework has equal weights); null where
// fewer than THRESHOLD responses answered anything but "Don't know".
async function healthFromAnswers(workspaceId: string) {
  const answers = await db().answer.findMany({
    where: { workspaceId },
    select: {
      value: true,
      statement: { select: { pillar: { select: { key: true, weight: true } } } },
      response: { select: { id: true, side: true, partnershipId: true, cycleId: true } },
    },
  });
  expect(answers.every((a) => a.statement.pillar.weight === 1)).toBe(true);
  const perResponse = new Map<string, { side: Side; p: string; c: string; pillars: Map<string, number[]> }>();
  for (const a of answers) {
    const r = a.response;
    const entry = perResponse.get(r.id) ?? { side: r.side, p: r.partnershipId, c: r.cycleId, pillars: new Map<string, number[]>() };
    perResponse.set(r.id, entry);
    const values = entry.pillars.get(a.statement.pillar.key) ?? [];
    entry.pillars.set(a.statement.pillar.key, values);
    if (a.value !== null) values.push(((a.value - 1) / 4) * 100);
  }
  // partnership:cycle -> pillar -> side -> response pillar scores
  const bySide = new Map<string, Map<string, Record<Side, number[]>>>();
  for (const r of perResponse.values()) {
    const key = `${r.p}:${r.c}`;
    const pillars = bySide.get(key) ?? new Map<string, Record<Side, number[]>>();
    bySide.set(key, pillars);
    for (const [pillar, values] of r.pillars) {
      const sides = pillars.get(pillar) ?? { HOST: [], PARTNER: [] };
      pillars.set(pillar, sides);
      const score = avg(values);
      if (score !== null) sides[r.side].push(score);
    }
  }
  const answering = new Map<string, number>();
  for (const r of perResponse.values()) {
    if ([...r.pillars.values()].some((values) => values.length > 0))
      answering.set(`${r.p}:${r.c}`, (answering.get(`${r.p}:${r.c}`) ?? 0) + 1);
  }
  const health = new Map<string, number | null>();
  for (const [key, pillars] of bySide) {
    if ((answering.get(key) ?? 0) < THRESHOLD) {
      health.set(key, null);
      continue;
    }
    const combined = [...pillars.values()].flatMap((sides) => {
      const present = [avg(sides.HOST), avg(sides.PARTNER)].filter((s): s is number => s !== null);
      return present.length ? [present.reduce((a, b) => a + b, 0) / present.length] : [];
    });
    health.set(key, avg(combined));
  }
  return health;
}

describe("figures against the raw answers", () => {
  it("scorecards and the portfolio agree with health recomputed from every answer", async () => {
    const summary = await generateScaleWorkspace(db(), {
      slug,
      partnerships: 8,
      cycles: 4,
      seed: 11,
      now: new Date("2026-11-20T12:00:00Z"),
    });
    const workspaceId = summary.workspaceId;
    const owner = await db().member.findFirstOrThrow({ where: { workspaceId, role: "OWNER" } });
    const api = callerFor(owner.userId);
    const expected = await healthFromAnswers(workspaceId);
    // The open cycle is still filling up: some of its cycles are below the threshold (2 with this seed).
    expect([...expected.values()].filter((h) => h === null).length).toBeGreaterThan(0);
    // The cycles of the trends: those anyone answered (one nobody answered is no column).
    const cycles = await db().cycle.findMany({
      where: { workspaceId, status: { not: "DRAFT" }, responses: { some: {} } },
      orderBy: { opensAt: "asc" },
    });
    const partnerships = await db().partnership.findMany({ where: { workspaceId, phase: { not: "EXITED" } } });
    expect(partnerships.length).toBeGreaterThan(4);

    const currentOf = new Map<string, number>();
    for (const p of partnerships) {
      const healths = cycles.map((c) => expected.get(`${p.id}:${c.id}`) ?? null);
      const card = await api.partnership.scorecard({ workspaceSlug: slug, partnershipId: p.id });
      // The trend line: one point per cycle.
      expect(card.series.map((point) => point.health)).toEqual(healths.map((h) => (h === null ? null : round1(h))));
      const current = healths.findLastIndex((h) => h !== null);
      if (current < 0) {
        expect(card.current).toBeNull();
        continue;
      }
      currentOf.set(p.id, healths[current]!);
      expect(card.current!.health).toBe(round1(healths[current]!));
      const previous = healths.slice(0, current).findLast((h) => h !== null);
      expect(card.current!.change).toBe(previous === undefined || previous === null ? null : round1(healths[current]! - previous));
    }

    const portfolio = await api.portfolio.overview({ workspaceSlug: slug, pageSize: 100 });
    for (const row of portfolio.rows) {
      const h = currentOf.get(row.id);
      expect(row.health).toBe(h === undefined ? null : round1(h));
    }
    // Each cycle's average and band counts across partnerships.
    for (const [i, c] of cycles.entries()) {
      const healths = partnerships.flatMap((p) => {
        const h = expected.get(`${p.id}:${c.id}`);
        return h === undefined || h === null ? [] : [h];
      });
      const point = portfolio.series[i]!;
      expect(point.scored).toBe(healths.length);
      expect(point.average).toBe(healths.length ? round1(avg(healths)!) : null);
      const shown = healths.map((h) => Math.round(h));
      expect([point.HEALTHY, point.WATCH, point.AT_RISK]).toEqual([
        shown.filter((h) => h >= 75).length,
        shown.filter((h) => h >= 60 && h < 75).length,
        shown.filter((h) => h < 60).length,
      ]);
    }
  });
});
