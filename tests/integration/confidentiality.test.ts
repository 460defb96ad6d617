// The confidentiality rule (DESIGN.md, Scoring; server/services/confidentiality.ts) on every
// surface, through the tRPC caller: a generated workspace with cycles of 1, 2, 3 and 4 responses a
// side, one-sided and lopsided cycles, "Don't know"-heavy statements and pillars. Every expected
// figure is worked out by hand below (an answer v is (v - 1) / 4 * 100: 1 = 0, 2 = 25, 3 = 50,
// 4 = 75, 5 = 100), and so is everything that must not show.
//
// Everyone asked: each partnership's owner and host team (4 people) and its organisation's four
// contacts, so N = 8 in every cycle. The threshold is the default, 3.
//
// A ("the ladder", org A)
//   2021-Q1  1 host + 1 partner, all 1 (0)                        -> 2 responses: nothing shows
//   2021-Q2  2 + 2, host all 3 (50), partner all 4 (75)           -> 62.5; sides hidden (2 a side)
//   2021-Q3  3 + 3, host all 4 (75), partner all 2 (25)           -> 50, change -12.5
//   2021-Q4  4 + 4, host all 2 (25), partner all 3 (50)           -> 37.5 (at risk), change -12.5;
//            every pillar's gap 25, the partner side higher
//   open     1 host, all 1 (0)                                    -> withheld: "1 of 8"
//   Comments in Q1, Q2 and the open cycle must never show; Q4's do.
// B ("one side, then lopsided", org B)
//   2021-Q3  3 host, no partner, all 4 (75)                      -> 75; the host side shows alone
//   2021-Q4  3 host all 5 (100) + 2 partner all 1 (0)            -> 50, change -25; neither side
//            shows (the host's 100 beside the combined 50 would give the partner's 0 away)
// C ("skipped", org C)
//   2021-Q3  3 + 3, all 4 (75)                                    -> 75
//   2021-Q4  1 + 1, all 1 (0)                                     -> withheld
//   open     2 host + 1 partner, all 3 (50)                       -> 50, change -25 against 2021-Q3
// D ("Don't know-heavy statements", org D), 2021-Q4: 4 + 4, every answer 4 (75), except
//   trust.mistakes answered by one host and one partner (6 "Don't know"): 2 answers in total, so
//     Trust's whole statement breakdown is withheld while Trust (8 responses) shows;
//   commitment.vision answered by only two partners: Commitment's breakdown shows combined only;
//   communication: two partners say "Don't know" throughout it: its pillar sides are withheld.
// E ("a Don't know-heavy pillar", org E), 2021-Q4: 3 + 3, host answers 5 (100), partner 3 (50),
//   but Coordination answered only by one host (100): its combined score comes from one person, so
//   no pillar score shows (beside the health index the others would give it away); health
//   (75 + 75 + 100 + 75) / 4 = 81.25 shows. Its stored largest gap (50) must not reach the portfolio.
import { describe, expect, it } from "vitest";
import { addMember, createPartnerOrg, createPartnership, createResponses, type ResponseSpec } from "../../prisma/factories";
import { historyCsv } from "../../server/services/lifecycle/history";
import { csvHeader, csvRows } from "../../server/services/portfolio/csv";
import { syncDefaultParticipants } from "../../server/services/participants";
import { DEFAULT_FRAMEWORK } from "../../server/services/framework";
import { forWorkspace } from "../../server/db/tenant";
import { evaluateAllDueAlerts } from "../../server/services/alerts/due";
import { appDb, buildWorld, callerFor, closedQuarter, db } from "./helpers";

type Answers = Record<string, number | null>;
const STATEMENTS = DEFAULT_FRAMEWORK.flatMap((p) => p.statements.map((s) => s.key));
// Every statement answered `value`, with some answers changed (null: "Don't know").
const answers = (value: number, changes: Answers = {}): Answers => ({
  ...Object.fromEntries(STATEMENTS.map((k) => [k, value])),
  ...changes,
});
const pillarDontKnow = (pillar: string): Answers =>
  Object.fromEntries(STATEMENTS.filter((k) => k.startsWith(`${pillar}.`)).map((k) => [k, null]));

async function confidentialWorld() {
  const w = await buildWorld();
  const d = db();
  const ws = w.workspace.id;
  const h4 = await addMember(d, ws, { role: "MANAGER" });
  const hosts = [w.manager.member.id, w.owner.member.id, w.admin.member.id, h4.member.id];
  const orgC = await createPartnerOrg(d, ws);
  const orgD = await createPartnerOrg(d, ws);
  const orgE = await createPartnerOrg(d, ws);
  const contactsOf = async (orgId: string, first?: string) => {
    const ids = first ? [first] : [];
    while (ids.length < 4) ids.push((await addMember(d, ws, { role: "PARTNER", partnerOrgId: orgId })).member.id);
    return ids;
  };
  const partners = {
    A: await contactsOf(w.orgA.id, w.contactA.member.id),
    B: await contactsOf(w.orgB.id, w.contactB.member.id),
    C: await contactsOf(orgC.id),
    D: await contactsOf(orgD.id),
    E: await contactsOf(orgE.id),
  };
  // The world's own two partnerships leave the portfolio; five new ones take their places.
  await d.partnership.updateMany({ where: { workspaceId: ws }, data: { phase: "EXITED", archivedAt: new Date() } });
  const make = (name: string, partnerOrgId: string) =>
    createPartnership(d, ws, { name, partnerOrgId, ownerMemberId: w.manager.member.id, teamMemberIds: hosts.slice(1) });
  const p = {
    A: await make("Ladder", w.orgA.id),
    B: await make("Lopsided", w.orgB.id),
    C: await make("Skipped", orgC.id),
    D: await make("Dontknow Statements", orgD.id),
    E: await make("Dontknow Pillar", orgE.id),
  };
  const q1 = await closedQuarter(ws, "2021-Q1");
  const q2 = await closedQuarter(ws, "2021-Q2");
  const q3 = await closedQuarter(ws, "2021-Q3");
  const q4 = await closedQuarter(ws, "2021-Q4");
  const open = w.cycle;
  await syncDefaultParticipants(forWorkspace(d, ws), open.id);

  const specs: ResponseSpec[] = [];
  const respond = (
    cycleId: string,
    partnershipId: string,
    side: "HOST" | "PARTNER",
    people: string[],
    each: (i: number) => Answers,
    comment?: (i: number) => string | undefined,
  ) =>
    people.forEach((memberId, i) => {
      const text = comment?.(i);
      specs.push({ cycleId, partnershipId, memberId, side, answers: each(i), comments: text ? { trust: text } : undefined });
    });
  const A = p.A.id;
  respond(
    q1.id,
    A,
    "HOST",
    hosts.slice(0, 1),
    () => answers(1),
    () => "Q1 secret from the host side",
  );
  respond(
    q1.id,
    A,
    "PARTNER",
    partners.A.slice(0, 1),
    () => answers(1),
    () => "Q1 secret from the partner side",
  );
  respond(
    q2.id,
    A,
    "HOST",
    hosts.slice(0, 2),
    () => answers(3),
    () => "Q2 one of two hosts",
  );
  respond(
    q2.id,
    A,
    "PARTNER",
    partners.A.slice(0, 2),
    () => answers(4),
    () => "Q2 one of two partners",
  );
  respond(q3.id, A, "HOST", hosts.slice(0, 3), () => answers(4));
  respond(q3.id, A, "PARTNER", partners.A.slice(0, 3), () => answers(2));
  respond(
    q4.id,
    A,
    "HOST",
    hosts,
    () => answers(2),
    (i) => (i === 0 ? "Q4 host view" : undefined),
  );
  respond(
    q4.id,
    A,
    "PARTNER",
    partners.A,
    () => answers(3),
    (i) => (i === 0 ? "Q4 partner view" : undefined),
  );
  respond(
    open.id,
    A,
    "HOST",
    hosts.slice(0, 1),
    () => answers(1),
    () => "Open secret",
  );

  respond(q3.id, p.B.id, "HOST", hosts.slice(0, 3), () => answers(4));
  respond(q4.id, p.B.id, "HOST", hosts.slice(0, 3), () => answers(5));
  respond(q4.id, p.B.id, "PARTNER", partners.B.slice(0, 2), () => answers(1));

  respond(q3.id, p.C.id, "HOST", hosts.slice(0, 3), () => answers(4));
  respond(q3.id, p.C.id, "PARTNER", partners.C.slice(0, 3), () => answers(4));
  respond(q4.id, p.C.id, "HOST", hosts.slice(0, 1), () => answers(1));
  respond(q4.id, p.C.id, "PARTNER", partners.C.slice(0, 1), () => answers(1));
  respond(open.id, p.C.id, "HOST", hosts.slice(0, 2), () => answers(3));
  respond(open.id, p.C.id, "PARTNER", partners.C.slice(0, 1), () => answers(3));

  respond(q4.id, p.D.id, "HOST", hosts, (i) => answers(4, i === 0 ? {} : { "trust.mistakes": null }));
  respond(q4.id, p.D.id, "PARTNER", partners.D, (i) =>
    answers(4, {
      ...(i === 0 ? {} : { "trust.mistakes": null }),
      ...(i < 2 ? {} : { "commitment.vision": null, ...pillarDontKnow("communication") }),
    }),
  );

  respond(q4.id, p.E.id, "HOST", hosts.slice(0, 3), (i) => answers(5, i === 0 ? {} : pillarDontKnow("coordination")));
  respond(q4.id, p.E.id, "PARTNER", partners.E.slice(0, 3), () => answers(3, pillarDontKnow("coordination")));
  await createResponses(d, ws, specs);

  const scorecard = (partnershipId: string) => w.manager.api.partnership.scorecard({ workspaceSlug: w.slug, partnershipId });
  return { w, p, q1, q2, q3, q4, open, hosts, partners, scorecard };
}

const PILLARS = ["trust", "commitment", "coordination", "communication"] as const;
const each = <T>(value: T) => Object.fromEntries(PILLARS.map((k) => [k, value])) as Record<(typeof PILLARS)[number], T>;

describe("confidentiality: the scorecard", () => {
  it("shows no figure of a cycle with too few responses, keeps the last cycle with enough, and the trend skips it", async () => {
    const { w, p, open, scorecard } = await confidentialWorld();
    const card = await scorecard(p.A.id);
    expect(card.cycle).toEqual({ label: open.label, open: true });
    // 37.5 against 2021-Q3's 50; the open cycle's one answer (0) is nowhere.
    expect(card.current).toEqual({
      cycleLabel: "2021-Q4",
      cycleOpen: false,
      health: 37.5,
      band: "AT_RISK",
      bandLabel: "At risk",
      change: -12.5,
      responses: { host: 4, partner: 4 },
      notes: [`${open.label} so far: too few responses (1 of 8). These are 2021-Q4's figures, the latest cycle with enough.`],
    });
    expect(card.withheld).toEqual([
      { cycleLabel: "2021-Q1", open: false, responses: 2, asked: 8, text: "too few responses (2 of 8)" },
      { cycleLabel: open.label, open: true, responses: 1, asked: 8, text: "too few responses (1 of 8)" },
    ]);
    expect(card.series).toEqual([
      { label: "2021-Q1", health: null, ...each(null) },
      { label: "2021-Q2", health: 62.5, ...each(62.5) },
      { label: "2021-Q3", health: 50, ...each(50) },
      { label: "2021-Q4", health: 37.5, ...each(37.5) },
      { label: open.label, health: null, ...each(null) },
    ]);
    expect(card.trendSummary).toBe(
      // -12.5 rounds to -12 (half up), as every change in words does.
      "Health index across 3 scored cycles, from 63 in 2021-Q2 to 38 in 2021-Q4, down 12 on the cycle before. " +
        "Pillars in 2021-Q4: Trust 38, Commitment 38, Coordination 38, Communication 38.",
    );
    expect(card.pillars.map((x) => [x.key, x.score, x.change, x.host, x.partner, x.gap, x.gapFlagged])).toEqual(
      PILLARS.map((k) => [k, 37.5, -12.5, 25, 50, 25, true]),
    );
    // Response rates are counts: the open cycle's.
    expect(card.responseRate).toEqual({
      cycleLabel: open.label,
      host: { asked: 4, answered: 1, percent: 25 },
      partner: { asked: 4, answered: 0, percent: 0 },
    });
    // Nothing of the one open response leaks: no 0 figure anywhere, no 100-point drop.
    expect(JSON.stringify(card)).not.toMatch(/"health":0\b|"score":0\b/);
    // Attributed mode is exempt: the open cycle's one response shows, with its 0.
    await db().workspace.update({ where: { id: w.workspace.id }, data: { surveyMode: "ATTRIBUTED" } });
    const named = await scorecard(p.A.id);
    expect(named.withheld).toEqual([]);
    expect(named.current).toMatchObject({ cycleLabel: open.label, health: 0, change: -37.5, notes: [] });
  });

  it("has no figures at all, only why, when no cycle has enough responses; a partner contact reads the same", async () => {
    const { w, p, q4, partners, scorecard } = await confidentialWorld();
    // C without its two showable cycles would be all withheld: drop them.
    await db().response.deleteMany({ where: { partnershipId: p.C.id, cycleId: { not: q4.id } } });
    await db().partnershipCycleScore.deleteMany({ where: { partnershipId: p.C.id, cycleId: { not: q4.id } } });
    const card = await scorecard(p.C.id);
    expect(card.cycle).toEqual({ label: "2021-Q4", open: false });
    expect(card.current).toBeNull();
    expect(card.pillars).toEqual([]);
    expect(card.statements).toBeNull();
    expect(card.withheld).toEqual([{ cycleLabel: "2021-Q4", open: false, responses: 2, asked: 8, text: "too few responses (2 of 8)" }]);
    expect(card.series.every((x) => x.health === null)).toBe(true);
    const contact = await db().member.findFirstOrThrow({ where: { id: partners.C[0]! } });
    const theirs = await callerFor(contact.userId).partnership.scorecard({ workspaceSlug: w.slug, partnershipId: p.C.id });
    expect(theirs.current).toBeNull();
    expect(theirs.withheld.map((x) => x.text)).toEqual(["too few responses (2 of 8)"]);
  });

  it("shows no side beside the combined score when the other side is below the threshold (subtraction)", async () => {
    const { w, p, scorecard } = await confidentialWorld();
    const card = await scorecard(p.B.id);
    // Combined 50 from 5 responses; host 100 and partner 0 stay hidden: 2 x 50 - 100 = 0.
    expect(card.current).toMatchObject({ cycleLabel: "2021-Q4", health: 50, change: -25, responses: { host: 3, partner: 2 } });
    expect(card.sides).toEqual({
      shown: true,
      cycleLabel: "2021-Q4",
      hostVisible: false,
      partnerVisible: false,
      threshold: 3,
      notes: [
        `Each side's own scores show once both sides have at least 3 responses in 2021-Q4 (your team 3, ${w.orgB.name} 2 so far). ` +
          "Until then only the combined score shows: next to it, one side's score would give away the other's.",
      ],
    });
    expect(card.pillars.map((x) => [x.score, x.host, x.partner, x.gap, x.hostShown, x.partnerShown])).toEqual(
      PILLARS.map(() => [50, null, null, null, false, false]),
    );
    const st = card.statements!;
    expect([st.hostVisible, st.partnerVisible]).toEqual([false, false]);
    for (const pillar of st.pillars) {
      expect(pillar).toMatchObject({ score: 50, combinedVisible: true, hostVisible: false, partnerVisible: false });
      for (const row of pillar.statements) {
        // Combined (100 + 0) / 2 = 50 from five answers; 2021-Q3 (host alone, 75) had enough too: -25.
        expect(row).toMatchObject({ host: null, partner: null, combined: 50, change: -25, vsPillar: 0 });
        expect(row.dontKnow).toEqual({ host: null, partner: null, total: 0 });
      }
    }
    expect(JSON.stringify(card.pillars)).not.toMatch(/:100\b/);
  });

  it("withholds a Don't know-heavy statement's whole breakdown, and each side's where one side answered too few", async () => {
    const { w, p, scorecard } = await confidentialWorld();
    const card = await scorecard(p.D.id);
    expect(card.current).toMatchObject({ health: 75, notes: [] });
    // Every pillar 75; Communication's sides are withheld (two partners scored it).
    expect(card.pillars.map((x) => [x.key, x.score, x.host, x.partner, x.hostShown, x.partnerShown])).toEqual([
      ["trust", 75, 75, 75, true, true],
      ["commitment", 75, 75, 75, true, true],
      ["coordination", 75, 75, 75, true, true],
      ["communication", 75, null, null, false, false],
    ]);
    expect(card.sides.notes).toEqual([
      "In 2021-Q4, each side's score of Communication is withheld: fewer than 3 people of a side answered it (Don't know counts in no score).",
    ]);
    const st = card.statements!;
    const pillar = (key: string) => st.pillars.find((x) => x.key === key)!;
    // Trust: "mistakes" has two answers. Shown beside Trust's 75 and its other three statements,
    // it could be worked out (4 x 75 - the other three), so no Trust statement shows at all.
    expect(pillar("trust")).toMatchObject({ score: 75, combinedVisible: false, hostVisible: false, partnerVisible: false });
    expect(pillar("trust").note).toMatch(/^Withheld: fewer than 3 people answered some of its statements/);
    for (const row of pillar("trust").statements) {
      expect(row).toMatchObject({ host: null, partner: null, combined: null, change: null, vsPillar: null, pull: null });
    }
    // Counts still show: "mistakes" 2 answered, 6 "Don't know".
    expect(pillar("trust").statements.find((x) => x.key === "trust.mistakes")).toMatchObject({
      answered: 2,
      dontKnow: { host: null, partner: null, total: 6 },
    });
    // Commitment: "vision" has only two partner answers: the combined breakdown shows, no side does.
    expect(pillar("commitment")).toMatchObject({ combinedVisible: true, hostVisible: false, partnerVisible: false });
    expect(pillar("commitment").statements.map((x) => [x.combined, x.host, x.partner])).toEqual([
      [75, null, null],
      [75, null, null],
      [75, null, null],
      [75, null, null],
    ]);
    // Coordination: everything; Communication: combined only, its pillar's sides being withheld.
    expect(pillar("coordination")).toMatchObject({ combinedVisible: true, hostVisible: true, partnerVisible: true, note: null });
    expect(pillar("coordination").statements[0]).toMatchObject({ host: 75, partner: 75, combined: 75 });
    expect(pillar("communication")).toMatchObject({ combinedVisible: true, hostVisible: false, partnerVisible: false });
    expect(st).toMatchObject({ hostVisible: true, partnerVisible: true });
    expect(w.slug).toBeTruthy();
  });

  it("withholds every pillar score when one pillar has too few responses behind it; the health index shows", async () => {
    const { p, scorecard } = await confidentialWorld();
    const card = await scorecard(p.E.id);
    // (75 + 75 + 100 + 75) / 4 = 81.25. Coordination's 100 is one host's: beside 81.25 and the
    // other three pillars it would be 4 x 81.25 - 225 = 100, so no pillar shows.
    expect(card.current).toMatchObject({ health: 81.3, band: "HEALTHY" });
    expect(card.current!.notes).toEqual([
      "The pillar scores of 2021-Q4 are withheld: fewer than 3 people answered Coordination (Don't know counts in no score), " +
        "and beside the health index and the other pillars its score could be worked out.",
    ]);
    expect(card.pillars.map((x) => [x.score, x.band, x.host, x.partner, x.gap])).toEqual(PILLARS.map(() => [null, null, null, null, null]));
    expect(card.sides).toMatchObject({ hostVisible: false, partnerVisible: false });
    expect(card.sides.notes).toEqual([
      "Each side's own scores of 2021-Q4 are withheld with its pillar scores: too few people answered some pillars.",
    ]);
    expect(card.series.at(-2)).toEqual({ label: "2021-Q4", health: 81.3, ...each(null) });
    for (const pillar of card.statements!.pillars) {
      expect(pillar).toMatchObject({ score: null, combinedVisible: false, note: "Withheld, as the pillar's score is." });
      expect(pillar.statements.every((x) => x.combined === null && x.host === null && x.partner === null)).toBe(true);
    }
  });

  it("compares with the previous cycle that may be shown, skipping one with too few responses", async () => {
    const { p, scorecard } = await confidentialWorld();
    const card = await scorecard(p.C.id);
    // 50 against 2021-Q3's 75, not against 2021-Q4's withheld 0.
    expect(card.current).toMatchObject({ health: 50, change: -25, notes: [] });
    expect(card.withheld.map((x) => [x.cycleLabel, x.text])).toEqual([["2021-Q4", "too few responses (2 of 8)"]]);
    expect(card.pillars.map((x) => x.change)).toEqual([-25, -25, -25, -25]);
    expect(card.statements!.previousCycleLabel).toBe("2021-Q3");
    expect(card.statements!.pillars[0]!.statements[0]).toMatchObject({ combined: 50, change: -25 });
  });

  it("withholds comments of a side with too few responses, on every page", async () => {
    const { w, p, open, scorecard } = await confidentialWorld();
    const card = await scorecard(p.A.id);
    const texts = (page: NonNullable<typeof card.comments>) => page.pillars.flatMap((x) => x.comments.map((c) => c.text));
    expect(card.comments!.cycleLabels).toEqual([open.label, "2021-Q4", "2021-Q3"]);
    expect(texts(card.comments!)).toEqual(["Q4 host view", "Q4 partner view"]);
    expect(card.comments!.withheld).toEqual([
      `Comments from your team in ${open.label} are withheld: 1 response, fewer than the 3 needed to keep their authors anonymous.`,
    ]);
    const older = await w.manager.api.partnership.scorecardComments({ workspaceSlug: w.slug, partnershipId: p.A.id, offset: 3 });
    expect(older!.cycleLabels).toEqual(["2021-Q2", "2021-Q1"]);
    expect(texts(older!)).toEqual([]);
    expect(older!.withheld).toHaveLength(4);
    expect(JSON.stringify([card, older])).not.toMatch(/secret|one of two/);
  });
});

describe("confidentiality: the portfolio", () => {
  it("keeps each partnership's last showable cycle, marked, and leaves it out of the movers and at-risk lists", async () => {
    const { w, p, open } = await confidentialWorld();
    const portfolio = await w.executive.api.portfolio.overview({ workspaceSlug: w.slug, sort: "name" });
    expect(portfolio.rows.map((r) => [r.name, r.cycleLabel, r.health, r.band, r.change, r.withheld])).toEqual([
      ["Dontknow Pillar", "2021-Q4", 81.3, "HEALTHY", null, null],
      ["Dontknow Statements", "2021-Q4", 75, "HEALTHY", null, null],
      ["Ladder", "2021-Q4", 37.5, "AT_RISK", -12.5, { cycleLabel: open.label, text: "too few responses (1 of 8)" }],
      ["Lopsided", "2021-Q4", 50, "AT_RISK", -25, null],
      ["Skipped", open.label, 50, "AT_RISK", -25, null],
    ]);
    const row = (name: string) => portfolio.rows.find((r) => r.name === name)!;
    // Pillar cells: none of E's (its breakdown is withheld, Coordination would be 100).
    expect(row("Dontknow Pillar").pillars).toEqual(each(null));
    expect(row("Ladder")).toMatchObject({ pillars: each(37.5), pillarChanges: each(-12.5) });
    expect(row("Skipped")).toMatchObject({ pillars: each(50), pillarChanges: each(-25) });

    // Now: 81.25, 75, 37.5, 50, 50: mean 293.75 / 5 = 58.75; median 50; mean change
    // (-12.5 - 25 - 25) / 3 = -20.83.
    expect(portfolio.summary).toMatchObject({
      partnerships: 5,
      scored: 5,
      average: 58.8,
      median: 50,
      change: -20.8,
      bands: { HEALTHY: 2, WATCH: 0, AT_RISK: 3, NONE: 0 },
    });
    // Per cycle, only the cycles that may be shown: 2021-Q1 has none (A's two responses), 2021-Q4
    // leaves out C's withheld 0: (37.5 + 50 + 75 + 81.25) / 4 = 60.94; the open cycle only C's 50.
    expect(portfolio.series.map((s) => [s.label, s.scored, s.average, s.HEALTHY, s.WATCH, s.AT_RISK])).toEqual([
      ["2021-Q1", 0, null, 0, 0, 0],
      ["2021-Q2", 1, 62.5, 0, 1, 0],
      ["2021-Q3", 3, 66.7, 2, 0, 1],
      ["2021-Q4", 4, 60.9, 2, 0, 2],
      [open.label, 1, 50, 0, 0, 1],
    ]);
    // The ladder (stale: its latest cycle is withheld) is in neither ranking.
    const { insights } = portfolio;
    expect(insights.moversUp.total).toBe(0);
    expect(new Set(insights.moversDown.items.map((m) => m.name))).toEqual(new Set(["Lopsided", "Skipped"]));
    expect(insights.moversDown.total).toBe(2);
    expect(new Set(insights.atRisk.items.map((m) => m.name))).toEqual(new Set(["Lopsided", "Skipped"]));
    expect(insights.atRisk.total).toBe(2);
    // Gaps: only the ladder's 2021-Q4 (25 a pillar, both sides 4). Not B's (2 partner responses),
    // nor E's stored 50 (its pillars are withheld).
    expect(insights.gaps.items.map((g) => [g.name, g.pillar, g.gap, g.higher, g.cycleLabel])).toEqual([
      ["Ladder", "Trust", 25, "PARTNER", "2021-Q4"],
    ]);
    expect(insights.gaps.total).toBe(1);
    // Response rates are counts: the open cycle's, for everyone.
    expect(insights.responseRates.items.map((r) => [r.name, r.answered, r.asked])).toEqual([
      ["Dontknow Pillar", 0, 8],
      ["Dontknow Statements", 0, 8],
      ["Lopsided", 0, 8],
      ["Ladder", 1, 8],
      ["Skipped", 3, 8],
    ]);
    expect(p.A.id).toBe(row("Ladder").id);
  });

  it("sorts and filters on the figures that may be shown", async () => {
    const { w } = await confidentialWorld();
    const names = async (input: Record<string, unknown>) =>
      (await w.executive.api.portfolio.overview({ workspaceSlug: w.slug, ...input })).rows.map((r) => r.name);
    // E's Coordination (100, one person's) is withheld: it sorts last, not first.
    expect(await names({ sort: "pillar:coordination" })).toEqual([
      "Dontknow Statements",
      "Lopsided",
      "Skipped",
      "Ladder",
      "Dontknow Pillar",
    ]);
    expect(await names({ sort: "health", dir: "asc" })).toEqual([
      "Ladder",
      "Lopsided",
      "Skipped",
      "Dontknow Statements",
      "Dontknow Pillar",
    ]);
    // The ladder's band is its last showable cycle's.
    expect(new Set(await names({ band: "AT_RISK" }))).toEqual(new Set(["Ladder", "Lopsided", "Skipped"]));
    expect(await names({ band: "NONE" })).toEqual([]);
  });

  it("exports only the figures that may be shown, and says why the others are not", async () => {
    const { w, open } = await confidentialWorld();
    let text = csvHeader();
    let after: string | undefined;
    do {
      const batch = await w.executive.api.portfolio.export({ workspaceSlug: w.slug, after });
      text += csvRows(batch);
      after = batch.next ?? undefined;
    } while (after);
    const lines = text.trimEnd().split("\r\n");
    const of = (name: string, cycle: string) =>
      lines.filter((l) => l.startsWith(`${name},`) && l.split(",")[7] === cycle).map((l) => l.split(",").slice(8).join(","));
    expect(of("Ladder", "2021-Q1")).toEqual(["Health index,combined,,2,too few responses (2 of 8)"]);
    expect(of("Ladder", open.label)).toEqual(["Health index,combined,,1,too few responses (1 of 8)"]);
    // Two a side: combined figures only.
    expect(of("Ladder", "2021-Q2")).toEqual([
      "Health index,combined,62.5,4,",
      "Trust,combined,62.5,4,",
      "Commitment,combined,62.5,4,",
      "Coordination,combined,62.5,4,",
      "Communication,combined,62.5,4,",
    ]);
    expect(of("Ladder", "2021-Q4")).toContain("Trust,partner,50.0,4,");
    // B: the host side alone in 2021-Q3; combined only in 2021-Q4 (2 partner responses).
    expect(of("Lopsided", "2021-Q3")).toContain("Trust,host,75.0,3,");
    expect(of("Lopsided", "2021-Q4").some((l) => /,(host|partner),/.test(l))).toBe(false);
    expect(of("Skipped", "2021-Q4")).toEqual(["Health index,combined,,2,too few responses (2 of 8)"]);
    // E: the health index with why its pillars are not there.
    expect(of("Dontknow Pillar", "2021-Q4")).toEqual([
      'Health index,combined,81.3,6,"The pillar scores of 2021-Q4 are withheld: fewer than 3 people answered Coordination ' +
        "(Don't know counts in no score), and beside the health index and the other pillars its score could be worked out.\"",
    ]);
    // D: Communication has no side rows.
    expect(of("Dontknow Statements", "2021-Q4").filter((l) => l.startsWith("Communication,"))).toEqual(["Communication,combined,75.0,8,"]);
    expect(of("Dontknow Statements", "2021-Q4")).toContain("Trust,host,75.0,4,");
  });
});

describe("confidentiality: the renewal page and the history export", () => {
  it("shows the health history without withheld figures, changes between showable cycles, and gaps from a full cycle", async () => {
    const { w, p, open } = await confidentialWorld();
    const args = { workspaceSlug: w.slug, partnershipId: p.A.id };
    const review = await w.executive.api.lifecycle.review(args);
    expect(review.health.map((h) => [h.cycleLabel, h.health, h.band, h.change, h.withheld])).toEqual([
      ["2021-Q1", null, null, null, "too few responses (2 of 8)"],
      ["2021-Q2", 62.5, "WATCH", null, null],
      ["2021-Q3", 50, "AT_RISK", -12.5, null],
      ["2021-Q4", 37.5, "AT_RISK", -12.5, null],
      [open.label, null, null, null, "too few responses (1 of 8)"],
    ]);
    expect(review.gaps).toMatchObject({ cycleLabel: "2021-Q4", visible: true });
    expect(review.gaps!.note).toContain("These are 2021-Q4's, the latest cycle where both sides can be shown.");
    expect(review.gaps!.pillars[0]).toEqual({ key: "trust", name: "Trust", host: 25, partner: 50, gap: 25, flagged: true });

    // B: both sides never show together; D: Communication's gap is withheld.
    const lopsided = await w.executive.api.lifecycle.review({ ...args, partnershipId: p.B.id });
    expect(lopsided.gaps).toMatchObject({ visible: false, pillars: [] });
    const statements = await w.executive.api.lifecycle.review({ ...args, partnershipId: p.D.id });
    expect(statements.gaps!.pillars.map((x) => [x.key, x.host, x.partner, x.gap])).toEqual([
      ["trust", 75, 75, 0],
      ["commitment", 75, 75, 0],
      ["coordination", 75, 75, 0],
      ["communication", null, null, null],
    ]);

    const csv = historyCsv(await w.executive.api.lifecycle.history(args)).split("\r\n");
    const rows = (cycle: string) => csv.filter((l) => l.split(",")[1] === cycle);
    expect(rows("2021-Q1")).toEqual([
      'health,2021-Q1,2021-01-31,Health index,,,,,"responses: host 1, partner 1; too few responses (2 of 8)"',
    ]);
    expect(rows("2021-Q4")).toHaveLength(5);
    expect(rows("2021-Q4")[0]).toBe('health,2021-Q4,2021-10-31,Health index,,At risk,37.5,,"responses: host 4, partner 4"');
    const pillarsWithheld = historyCsv(await w.executive.api.lifecycle.history({ ...args, partnershipId: p.E.id })).split("\r\n");
    expect(pillarsWithheld.filter((l) => l.startsWith("pillar score,"))).toEqual([]);
    expect(pillarsWithheld.find((l) => l.startsWith("health,2021-Q4"))).toContain("81.3");
  });
});

describe("confidentiality: alerts and their emails", () => {
  it("raises nothing from a cycle with too few responses, and compares with the previous showable cycle", async () => {
    const { w, p, open } = await confidentialWorld();
    await w.admin.api.cycle.close({ workspaceSlug: w.slug, cycleId: open.id });
    // The close marks the alerts due; their job (the same service) evaluates them after it.
    await evaluateAllDueAlerts(forWorkspace(appDb(), w.workspace.id));
    const notes = await db().notification.findMany({ where: { workspaceId: w.workspace.id }, orderBy: { dedupeKey: "asc" } });
    // A's open cycle (one response, all 0) would be a 37.5-point drop and four pillars at risk: nothing.
    expect(notes.some((n) => n.partnershipId === p.A.id)).toBe(false);
    // C: 50 against 2021-Q3's 75 (not 2021-Q4's withheld 0, against which it would be a rise and
    // no pillar newly at risk).
    expect(notes.map((n) => [n.partnershipId, n.kind, n.memberId])).toEqual([
      [p.C.id, "HEALTH_DROP", w.manager.member.id],
      ...PILLARS.map(() => [p.C.id, "PILLAR_AT_RISK", w.manager.member.id]),
    ]);
    expect(notes[0]!.body).toBe(`Health fell from 75 in 2021-Q3 to 50 in ${open.label}.`);
    expect(notes.filter((n) => n.kind === "PILLAR_AT_RISK").every((n) => n.body.endsWith("; it was 75 in 2021-Q3."))).toBe(true);
    const emails = await db().outboxEmail.findMany({ where: { workspaceId: w.workspace.id, kind: "ALERT" } });
    expect(emails).toHaveLength(1);
    expect(emails[0]!.subject).toBe(`Skipped: 5 alerts after ${open.label}`);
    expect(emails[0]!.text).toContain(`Health fell from 75 in 2021-Q3 to 50 in ${open.label}.`);
    expect(emails[0]!.text).not.toContain("Ladder");
    expect(emails[0]!.text).not.toMatch(/ 0 in 2021-Q4|2021-Q4/);
  });
});
