// The scale generator on a tiny size: the structure it promises, stored figures that match the
// raw answers by the scoring rules, determinism for a seed, and refusing to overwrite.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { computeCycleAggregates } from "../../server/services/aggregates";
import { responsePillarScore } from "../../server/services/scoring";
import { parseScaleArgs } from "../../server/cli/seed-scale";
import { UsageError } from "../../server/cli/scale/args";
import {
  RESPONDENTS,
  ScaleError,
  deleteScaleWorkspace,
  generateScaleWorkspace,
  scaleWorkspaceState,
} from "../../server/cli/scale/generate";
import { createWorkspaceWithOwner } from "../../prisma/factories";
import { db } from "./helpers";

const NOW = new Date("2026-11-20T12:00:00Z");
const tiny = (slug: string, replace = false) => ({ slug, partnerships: 4, cycles: 3, seed: 7, now: NOW, replace });
// Generated workspaces are removed afterwards, so a run against a shared PostgreSQL database
// (say the benchmark's) leaves nothing behind.
const made: string[] = [];
const newSlug = () => {
  const slug = `scale-test-${randomUUID().slice(0, 8)}`;
  made.push(slug);
  return slug;
};
afterAll(async () => {
  for (const slug of made) await deleteScaleWorkspace(db(), slug);
});

async function answersOf(workspaceId: string) {
  const rows = await db().answer.findMany({
    where: { workspaceId },
    select: { responseId: true, value: true, statement: { select: { key: true } } },
  });
  // Statements are made by createWorkspace with fresh ids; their keys are stable.
  return rows.map((a) => `${a.responseId}:${a.statement.key}:${a.value}`).sort();
}

describe("seed:scale", () => {
  it("makes the promised structure with stored figures that match the raw answers", async () => {
    const slug = newSlug();
    const summary = await generateScaleWorkspace(db(), tiny(slug));
    const ws = summary.workspaceId;
    expect(await scaleWorkspaceState(db(), slug)).toBe("complete");

    const d = db();
    expect(await d.partnership.count({ where: { workspaceId: ws } })).toBe(4);
    const cycles = await d.cycle.findMany({ where: { workspaceId: ws }, orderBy: { opensAt: "asc" } });
    expect(cycles.map((c) => [c.label, c.status])).toEqual([
      ["2026-Q2", "CLOSED"],
      ["2026-Q3", "CLOSED"],
      ["2026-Q4", "OPEN"],
    ]);
    const roles = await d.member.groupBy({ by: ["role"], where: { workspaceId: ws }, _count: true });
    for (const role of ["OWNER", "ADMIN", "EXECUTIVE", "MANAGER", "PARTNER"]) {
      expect(roles.find((r) => r.role === role)?._count ?? 0, role).toBeGreaterThan(0);
    }
    const orgs = await d.partnerOrg.findMany({ where: { workspaceId: ws } });
    for (const org of orgs) {
      expect(org.region).toBeTruthy();
      expect(org.industry).toBeTruthy();
    }

    // Every partnership asked in a cycle asks 3-8 people on each side.
    const participants = await d.cycleParticipant.groupBy({
      by: ["cycleId", "partnershipId", "side"],
      where: { workspaceId: ws, excluded: false },
      _count: true,
    });
    expect(participants.length).toBeGreaterThan(0);
    for (const p of participants) {
      expect(p._count).toBeGreaterThanOrEqual(RESPONDENTS.min);
      expect(p._count).toBeLessThanOrEqual(RESPONDENTS.max);
    }
    const asked = new Set(participants.map((p) => `${p.cycleId}:${p.partnershipId}`));

    const responses = await d.response.findMany({
      where: { workspaceId: ws },
      select: {
        id: true,
        cycleId: true,
        partnershipId: true,
        memberId: true,
        side: true,
        answers: { select: { statementId: true, value: true } },
        pillarScores: { select: { pillarId: true, score: true } },
      },
    });
    expect(responses.length).toBe(summary.responses);
    expect(await d.answer.count({ where: { workspaceId: ws } })).toBe(summary.answers);
    const participantKeys = new Set(
      (await d.cycleParticipant.findMany({ where: { workspaceId: ws } })).map(
        (p) => `${p.cycleId}:${p.partnershipId}:${p.memberId}:${p.side}`,
      ),
    );
    for (const r of responses) expect(participantKeys.has(`${r.cycleId}:${r.partnershipId}:${r.memberId}:${r.side}`)).toBe(true);

    const pillars = await d.pillar.findMany({
      where: { workspaceId: ws, versionId: cycles[0]!.frameworkVersionId },
      orderBy: { position: "asc" },
      select: { id: true, key: true, weight: true, statements: { orderBy: { position: "asc" }, select: { id: true } } },
    });
    expect(pillars).toHaveLength(4);
    expect(pillars.every((p) => p.statements.length === 4)).toBe(true);

    // Each response's stored pillar scores, from its own answers.
    for (const r of responses) {
      const given = new Map(r.answers.map((a) => [a.statementId, a.value]));
      for (const p of pillars) {
        const stored = r.pillarScores.find((s) => s.pillarId === p.id)!;
        const expected = responsePillarScore(p.statements.map((s) => given.get(s.id) ?? null));
        if (expected === null) expect(stored.score).toBeNull();
        else expect(stored.score).toBeCloseTo(expected, 9);
      }
    }

    // The stored aggregates, recomputed from the stored answers by the scoring rules.
    const groups = new Map<string, typeof responses>();
    for (const r of responses) {
      const key = `${r.partnershipId}:${r.cycleId}`;
      expect(asked.has(`${r.cycleId}:${r.partnershipId}`)).toBe(true);
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    const [totals, pillarRows, statementRows] = await Promise.all([
      d.partnershipCycleScore.findMany({ where: { workspaceId: ws } }),
      d.pillarCycleScore.findMany({ where: { workspaceId: ws } }),
      d.statementCycleScore.findMany({ where: { workspaceId: ws } }),
    ]);
    expect(totals).toHaveLength(groups.size);
    const close = (actual: number | null, expected: number | null) =>
      expected === null ? expect(actual).toBeNull() : expect(actual).toBeCloseTo(expected, 9);
    for (const [key, group] of groups) {
      const [partnershipId, cycleId] = key.split(":");
      const agg = computeCycleAggregates(
        pillars,
        group.map((r) => ({ side: r.side, answers: new Map(r.answers.map((a) => [a.statementId, a.value])) })),
      );
      const total = totals.find((t) => t.partnershipId === partnershipId && t.cycleId === cycleId)!;
      close(total.health, agg.health);
      expect([total.hostResponses, total.partnerResponses]).toEqual([agg.hostResponses, agg.partnerResponses]);
      const mine = pillarRows.filter((p) => p.partnershipId === partnershipId && p.cycleId === cycleId);
      expect(mine).toHaveLength(agg.pillars.length);
      for (const p of agg.pillars) {
        const row = mine.find((m) => m.pillarId === p.pillarId)!;
        expect(row.pillarKey).toBe(p.pillarKey);
        close(row.host, p.host);
        close(row.partner, p.partner);
        close(row.combined, p.combined);
      }
      const statements = statementRows.filter((s) => s.partnershipId === partnershipId && s.cycleId === cycleId);
      expect(statements).toHaveLength(agg.statements.length);
      for (const s of agg.statements) {
        const row = statements.find((m) => m.statementId === s.statementId && m.side === s.side)!;
        close(row.score, s.score);
        expect([row.answered, row.dontKnow]).toEqual([s.answered, s.dontKnow]);
      }
    }

    // Every closed cycle has answers from both sides somewhere; the open one is filling up.
    const closed = responses.filter((r) => r.cycleId !== cycles[2]!.id);
    expect(new Set(closed.map((r) => r.side))).toEqual(new Set(["HOST", "PARTNER"]));
  });

  it("refuses to touch an existing workspace without --replace, and is deterministic for a seed", async () => {
    const slug = newSlug();
    const first = await generateScaleWorkspace(db(), tiny(slug));
    const before = await answersOf(first.workspaceId);

    const refusal = await generateScaleWorkspace(db(), tiny(slug)).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(ScaleError);
    expect((refusal as Error).message).toMatch(/already exists.*--replace/);
    expect(await answersOf(first.workspaceId)).toEqual(before);

    const second = await generateScaleWorkspace(db(), tiny(slug, true));
    expect(await db().workspace.count({ where: { slug } })).toBe(1);
    expect({ ...second, workspaceId: "", seconds: 0 }).toEqual({ ...first, workspaceId: "", seconds: 0 });
    expect(await answersOf(second.workspaceId)).toEqual(before);
  });

  it("never deletes a workspace it did not make, even with --replace", async () => {
    const slug = newSlug();
    const { workspace } = await createWorkspaceWithOwner(db(), { slug });
    const refusal = await generateScaleWorkspace(db(), tiny(slug, true)).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(ScaleError);
    expect((refusal as Error).message).toMatch(/not made by the scale generator/);
    expect(await db().workspace.findUnique({ where: { id: workspace.id } })).not.toBeNull();
    await db().workspace.delete({ where: { id: workspace.id } });
    made.splice(made.indexOf(slug), 1);
  });

  it("checks its arguments", () => {
    expect(parseScaleArgs([])).toMatchObject({ partnerships: 2000, cycles: 12, slug: "scale-2000x12", seed: 1, replace: false });
    expect(parseScaleArgs(["--", "--partnerships", "50", "--cycles=4", "--replace", "--workspace", "big-one"])).toMatchObject({
      partnerships: 50,
      cycles: 4,
      slug: "big-one",
      replace: true,
    });
    const bad = (argv: string[], message: RegExp) => {
      expect(() => parseScaleArgs(argv)).toThrow(UsageError);
      expect(() => parseScaleArgs(argv)).toThrow(message);
    };
    bad(["--partnerships", "0"], /between 1 and 20,000/);
    bad(["--partnerships", "-5"], /needs a value|whole number/);
    bad(["--cycles", "2.5"], /whole number/);
    bad(["--cycles", "41"], /between 1 and 40/);
    bad(["--partnerships"], /needs a value/);
    bad(["--workspace", "Not A Slug"], /lowercase letters/);
    bad(["--size", "3"], /Unknown option --size/);
    bad(["extra"], /Unexpected argument/);
  });
});
