// The portfolio on hand-chosen answers. Every expected figure is worked out by hand in the
// comments from the raw answers (an answer v maps to (v - 1) / 4 * 100: 1=0, 2=25, 3=50, 4=75,
// 5=100), not by calling the scoring code.
import { describe, expect, it } from "vitest";
import { addMember, createCycle, createPartnerOrg, createPartnership, createResponses, cycleFramework } from "../../prisma/factories";
import { csvCell, csvHeader, csvRows } from "../../server/services/portfolio/csv";
import { keyOf, buildWorld, callerFor, db, expectTrpcError } from "./helpers";

type Pillars = { trust: number; commitment: number; coordination: number; communication: number };
const all = (v: number): Pillars => ({ trust: v, commitment: v, coordination: v, communication: v });

async function answersFor(cycleId: string, values: Pillars) {
  const framework = await cycleFramework(db(), cycleId);
  return Object.fromEntries(framework.flatMap((p) => p.statements.map((s) => [s.key, values[p.key as keyof Pillars]])));
}

// Alpha (org A: EMEA, Software; strategic; owner the manager)
//   Q1: host 3 x all 4 (75); partner 3 x trust 2 (25), rest 4 (75)
//       trust (75+25)/2 = 50, others 75 -> health (50+75+75+75)/4 = 68.75 (Watch)
//   Q2: host 3 x all 4 (75); partner 3 x trust 3 (50), commitment 5 (100), coordination 4 (75), communication 1 (0)
//       trust 62.5, commitment 87.5, coordination 75, communication 37.5 -> health 262.5/4 = 65.625 (Watch)
//       change 65.625 - 68.75 = -3.125; gaps 25, 25, 0, 75: Communication, the host side higher
// Bravo (org B: Americas, Cloud; core; owner the manager)
//   Q1: host 1 x all 3 (50) -> 50;  Q2: host 1 x all 2 (25), partner 1 x all 3 (50) -> 37.5 (At risk), change -12.5
//   One response a side: below the threshold of 3, so no side and no gap may be shown.
// Charlie (org C: EMEA, Cloud; emerging, onboarding; owner the admin)
//   Q2: host 1 x all 4 -> 75;  open cycle: host 1 x all 5 -> 100 (Healthy), change +25
// Delta (org C; core; no owner): no answers.   Echo (org B; exited): all 1, never in the portfolio.
//
// Bravo's and Charlie's cycles have one or two responses: under the workspace's threshold of 3 no
// figure of theirs may be shown. The tests of the portfolio's arithmetic lower the threshold to 1
// (`everyFigure`), so every figure shows; those of what the threshold withholds keep it at 3 (and
// tests/integration/confidentiality.test.ts pins the rule on every surface).
async function portfolioWorld() {
  const w = await buildWorld();
  const d = db();
  const ws = w.workspace.id;
  await d.partnerOrg.update({ where: keyOf(w.orgA), data: { region: "EMEA", industry: "Software" } });
  await d.partnerOrg.update({ where: keyOf(w.orgB), data: { region: "Americas", industry: "Cloud" } });
  const orgC = await createPartnerOrg(d, ws, { region: "EMEA", industry: "Cloud" });
  await d.partnership.update({ where: keyOf(w.partnershipA), data: { name: "Alpha", tier: "STRATEGIC" } });
  await d.partnership.update({ where: keyOf(w.partnershipB), data: { name: "Bravo", tier: "CORE" } });
  const charlie = await createPartnership(d, ws, {
    partnerOrgId: orgC.id,
    name: "Charlie",
    tier: "EMERGING",
    phase: "ONBOARDING",
    ownerMemberId: w.admin.member.id,
  });
  const delta = await createPartnership(d, ws, { partnerOrgId: orgC.id, name: "Delta", tier: "CORE" });
  const echo = await createPartnership(d, ws, { partnerOrgId: w.orgB.id, name: "Echo", tier: "STRATEGIC", phase: "EXITED" });
  const q1 = await createCycle(d, ws, { label: "2020-Q1", opensAt: new Date("2020-01-15"), status: "CLOSED" });
  const q2 = await createCycle(d, ws, { label: "2020-Q2", opensAt: new Date("2020-04-15"), status: "CLOSED" });
  const a2 = await addMember(d, ws, { role: "PARTNER", partnerOrgId: w.orgA.id });
  const a3 = await addMember(d, ws, { role: "PARTNER", partnerOrgId: w.orgA.id });
  const hosts = [w.manager.member.id, w.admin.member.id, w.owner.member.id];
  const partnersA = [w.contactA.member.id, a2.member.id, a3.member.id];
  const A = w.partnershipA.id;
  const B = w.partnershipB.id;
  const spec = (cycleId: string, partnershipId: string, memberId: string, side: "HOST" | "PARTNER", answers: Record<string, number>) => ({
    cycleId,
    partnershipId,
    memberId,
    side,
    answers,
  });
  const a1Partner = await answersFor(q1.id, { ...all(4), trust: 2 });
  const a2Partner = await answersFor(q2.id, { trust: 3, commitment: 5, coordination: 4, communication: 1 });
  const fours1 = await answersFor(q1.id, all(4));
  const fours2 = await answersFor(q2.id, all(4));
  await createResponses(d, ws, [
    ...hosts.map((m) => spec(q1.id, A, m, "HOST", fours1)),
    ...partnersA.map((m) => spec(q1.id, A, m, "PARTNER", a1Partner)),
    ...hosts.map((m) => spec(q2.id, A, m, "HOST", fours2)),
    ...partnersA.map((m) => spec(q2.id, A, m, "PARTNER", a2Partner)),
    spec(q1.id, B, w.manager.member.id, "HOST", await answersFor(q1.id, all(3))),
    spec(q2.id, B, w.manager.member.id, "HOST", await answersFor(q2.id, all(2))),
    spec(q2.id, B, w.contactB.member.id, "PARTNER", await answersFor(q2.id, all(3))),
    spec(q2.id, charlie.id, w.manager.member.id, "HOST", fours2),
    spec(w.cycle.id, charlie.id, w.manager.member.id, "HOST", await answersFor(w.cycle.id, all(5))),
    spec(q2.id, echo.id, w.manager.member.id, "HOST", await answersFor(q2.id, all(1))),
  ]);
  // Charlie joined after the open cycle was made: two people of the host team are asked by hand.
  await d.cycleParticipant.createMany({
    data: [w.manager.member.id, w.admin.member.id].map((memberId) => ({
      workspaceId: ws,
      cycleId: w.cycle.id,
      partnershipId: charlie.id,
      memberId,
      side: "HOST" as const,
    })),
  });
  return { w, charlie, delta, echo, orgC, q1, q2 };
}

const overview = (api: ReturnType<typeof callerFor>, slug: string, input: Record<string, unknown> = {}) =>
  api.portfolio.overview({ workspaceSlug: slug, ...input });

// A threshold of one response: in confidential mode every figure of this world may then be shown.
async function everyFigure() {
  const world = await portfolioWorld();
  await db().workspace.update({ where: { id: world.w.workspace.id }, data: { confidentialityThreshold: 1 } });
  return world;
}

describe("portfolio.overview figures", () => {
  it("shows each partnership's current health, band, change and pillars, healthiest first", async () => {
    const { w, charlie, delta } = await everyFigure();
    const p = await overview(w.executive.api, w.slug);
    expect(p.rows.map((r) => [r.name, r.cycleLabel, r.health, r.band, r.change])).toEqual([
      ["Charlie", w.cycle.label, 100, "HEALTHY", 25],
      // 65.625 -> 65.6; -3.125 -> -3.1
      ["Alpha", "2020-Q2", 65.6, "WATCH", -3.1],
      ["Bravo", "2020-Q2", 37.5, "AT_RISK", -12.5],
      ["Delta", null, null, null, null],
    ]);
    const alpha = p.rows[1]!;
    expect(alpha).toMatchObject({
      partnerName: w.orgA.name,
      tier: "STRATEGIC",
      ownerName: w.manager.user.name,
      pillars: { trust: 62.5, commitment: 87.5, coordination: 75, communication: 37.5 },
      // 62.5 shows as 63: Watch; 37.5 shows as 38: At risk
      pillarBands: { trust: "WATCH", commitment: "HEALTHY", coordination: "HEALTHY", communication: "AT_RISK" },
      // against Q1's 50, 75, 75, 75
      pillarChanges: { trust: 12.5, commitment: 12.5, coordination: 0, communication: -37.5 },
    });
    expect(p.rows[0]).toMatchObject({ id: charlie.id, pillarChanges: { trust: 25, commitment: 25, coordination: 25, communication: 25 } });
    expect(p.rows[3]).toMatchObject({ id: delta.id, pillars: {}, ownerName: null });
    expect(p.pillarKeys.map((k) => k.name)).toEqual(["Trust", "Commitment", "Coordination", "Communication"]);

    // The same figures as each scorecard.
    for (const row of p.rows.filter((r) => r.health !== null)) {
      const card = await w.executive.api.partnership.scorecard({ workspaceSlug: w.slug, partnershipId: row.id });
      expect([row.health, row.band, row.change]).toEqual([card.current!.health, card.current!.band, card.current!.change]);
    }
  });

  it("summarises the portfolio now and per cycle: bands, average, median and quartiles", async () => {
    const { w } = await everyFigure();
    const p = await overview(w.executive.api, w.slug);
    // Now: 100, 65.625, 37.5 (Delta has no score). Mean 203.125/3 = 67.71; median 65.625;
    // q1 = 37.5 + 0.5 * 28.125 = 51.5625; q3 = 65.625 + 0.5 * 34.375 = 82.8125;
    // mean change (25 - 3.125 - 12.5) / 3 = 3.125
    expect(p.summary).toEqual({
      partnerships: 4,
      scored: 3,
      active: 4,
      average: 67.7,
      median: 65.6,
      q1: 51.6,
      q3: 82.8,
      change: 3.1,
      bands: { HEALTHY: 1, WATCH: 1, AT_RISK: 1, NONE: 1 },
    });
    expect(p.series).toEqual([
      // 68.75 and 50: mean 59.375; q1 50 + 0.25 * 18.75 = 54.6875; q3 50 + 0.75 * 18.75 = 64.0625
      { label: "2020-Q1", scored: 2, average: 59.4, median: 59.4, q1: 54.7, q3: 64.1, HEALTHY: 0, WATCH: 1, AT_RISK: 1 },
      // 37.5, 65.625, 75: mean 59.375; q1 37.5 + 0.5 * 28.125 = 51.5625; q3 65.625 + 0.5 * 9.375 = 70.3125
      { label: "2020-Q2", scored: 3, average: 59.4, median: 65.6, q1: 51.6, q3: 70.3, HEALTHY: 1, WATCH: 1, AT_RISK: 1 },
      { label: w.cycle.label, scored: 1, average: 100, median: 100, q1: 100, q3: 100, HEALTHY: 1, WATCH: 0, AT_RISK: 0 },
    ]);
  });

  it("lists movers, partnerships at risk, perception gaps and low response rates", async () => {
    const { w, charlie } = await everyFigure();
    const { insights } = await overview(w.executive.api, w.slug);
    expect(insights.moversUp).toEqual({
      items: [{ id: charlie.id, name: "Charlie", partnerName: expect.any(String), health: 100, change: 25 }],
      total: 1,
    });
    expect(insights.moversDown.items.map((m) => [m.name, m.change])).toEqual([
      ["Bravo", -12.5],
      ["Alpha", -3.1],
    ]);
    expect(insights.atRisk.items.map((m) => [m.name, m.health])).toEqual([["Bravo", 37.5]]);
    // Alpha's Q2: host 75 against partner 0 on Communication. With a threshold of 1, Bravo's one
    // response a side shows too: host 25 against partner 50 on every pillar, Trust first.
    expect(insights.gaps.items.map((g) => [g.name, g.pillar, g.gap, g.higher, g.cycleLabel])).toEqual([
      ["Alpha", "Communication", 75, "HOST", "2020-Q2"],
      ["Bravo", "Trust", 25, "PARTNER", "2020-Q2"],
    ]);
    // The open cycle: Alpha and Bravo 0 of 2 asked (owner and partner contact); Charlie 1 of 2 is half.
    expect(insights.responseRates).toMatchObject({ cycleLabel: w.cycle.label, cycleOpen: true, total: 2 });
    expect(insights.responseRates.items.map((r) => [r.name, r.answered, r.asked, r.percent])).toEqual([
      ["Alpha", 0, 2, 0],
      ["Bravo", 0, 2, 0],
    ]);
  });

  it("ranks and lists only what the threshold lets it show", async () => {
    const { w } = await portfolioWorld();
    const { insights, rows, summary } = await overview(w.executive.api, w.slug);
    // Bravo (one response, then two) and Charlie (one, then one) have no cycle that may be shown:
    // no figures, no band, in no ranking; Alpha (three a side) is the only mover.
    expect(rows.map((r) => [r.name, r.health, r.band, r.withheld?.text ?? null])).toEqual([
      ["Alpha", 65.6, "WATCH", null],
      ["Bravo", null, null, "too few responses (2 of 2)"],
      ["Charlie", null, null, "too few responses (1 of 2)"],
      ["Delta", null, null, null],
    ]);
    expect(summary).toMatchObject({ scored: 1, average: 65.6, bands: { HEALTHY: 0, WATCH: 1, AT_RISK: 0, NONE: 3 } });
    expect(insights.moversUp.total).toBe(0);
    expect(insights.moversDown.items.map((m) => [m.name, m.change])).toEqual([["Alpha", -3.1]]);
    expect(insights.atRisk.total).toBe(0);
    // Bravo's 25 against 50 stays out: one response a side is below the threshold of 3.
    expect(insights.gaps).toEqual({
      items: [
        {
          id: w.partnershipA.id,
          name: "Alpha",
          partnerName: w.orgA.name,
          pillar: "Communication",
          gap: 75,
          higher: "HOST",
          cycleLabel: "2020-Q2",
          text: `${w.orgA.name} rates Communication 75 points lower than you do.`,
        },
      ],
      total: 1,
    });
    // Response rates are counts, whatever the threshold.
    expect(insights.responseRates.items.map((r) => [r.name, r.answered, r.asked])).toEqual([
      ["Alpha", 0, 2],
      ["Bravo", 0, 2],
    ]);
  });

  it("shows a gap once both sides reach the threshold, and in attributed mode with one response a side", async () => {
    const { w } = await portfolioWorld();
    await db().workspace.update({ where: { id: w.workspace.id }, data: { surveyMode: "ATTRIBUTED" } });
    const { insights } = await overview(w.executive.api, w.slug);
    // Bravo's Q2: host 25 against partner 50, the partner side higher.
    expect(insights.gaps.items.map((g) => [g.name, g.pillar, g.gap, g.text])).toEqual([
      ["Alpha", "Communication", 75, `${w.orgA.name} rates Communication 75 points lower than you do.`],
      ["Bravo", "Trust", 25, `${w.orgB.name} rates Trust 25 points higher than you do.`],
    ]);
  });
});

describe("portfolio.overview filters, sorting and paging", () => {
  it("filters by tier, phase, owner, region, industry and band, and everything follows", async () => {
    const { w } = await everyFigure();
    const names = async (input: Record<string, unknown>) => (await overview(w.executive.api, w.slug, input)).rows.map((r) => r.name);
    expect(await names({ tier: "STRATEGIC" })).toEqual(["Alpha"]);
    expect(await names({ phase: "ONBOARDING" })).toEqual(["Charlie"]);
    expect(await names({ owner: w.manager.member.id })).toEqual(["Alpha", "Bravo"]);
    expect(await names({ owner: w.admin.member.id })).toEqual(["Charlie"]);
    expect(await names({ region: "EMEA" })).toEqual(["Charlie", "Alpha", "Delta"]);
    expect(await names({ industry: "Cloud" })).toEqual(["Charlie", "Bravo", "Delta"]);
    expect(await names({ region: "EMEA", industry: "Cloud" })).toEqual(["Charlie", "Delta"]);
    expect(await names({ band: "WATCH" })).toEqual(["Alpha"]);
    expect(await names({ band: "NONE" })).toEqual(["Delta"]);
    expect(await names({ tier: "EMERGING", band: "AT_RISK" })).toEqual([]);

    const emea = await overview(w.executive.api, w.slug, { region: "EMEA" });
    // Charlie 100 and Alpha 65.625: median = mean = 82.8125; q1 65.625 + 0.25 * 34.375 = 74.22
    expect(emea.summary).toMatchObject({ partnerships: 3, scored: 2, active: 4, average: 82.8, median: 82.8, q1: 74.2, q3: 91.4 });
    expect(emea.summary.bands).toEqual({ HEALTHY: 1, WATCH: 1, AT_RISK: 0, NONE: 1 });
    expect(emea.series.map((s) => s.scored)).toEqual([1, 2, 1]);
    expect(emea.insights.moversDown.items.map((m) => m.name)).toEqual(["Alpha"]);
    expect(emea.insights.atRisk.total).toBe(0);
    expect(emea.insights.responseRates.items.map((r) => r.name)).toEqual(["Alpha"]);
    expect(emea.filters.applied).toEqual({ region: "EMEA" });

    const { options } = (await overview(w.executive.api, w.slug, { band: "NONE" })).filters;
    expect(options.regions).toEqual(["Americas", "EMEA"]);
    expect(options.industries).toEqual(["Cloud", "Software"]);
    expect(options.owners.map((o) => o.id).sort()).toEqual([w.manager.member.id, w.admin.member.id].sort());
  });

  it("sorts by name, health, change and a pillar, either way, with rows lacking the figure last", async () => {
    const { w } = await everyFigure();
    const order = async (sort: string, dir?: "asc" | "desc") => {
      const p = await overview(w.executive.api, w.slug, { sort, dir });
      return [p.sort, p.rows.map((r) => r.name)];
    };
    expect(await order("name")).toEqual([{ column: "name", dir: "asc" }, ["Alpha", "Bravo", "Charlie", "Delta"]]);
    expect(await order("name", "desc")).toEqual([{ column: "name", dir: "desc" }, ["Delta", "Charlie", "Bravo", "Alpha"]]);
    expect(await order("health", "asc")).toEqual([{ column: "health", dir: "asc" }, ["Bravo", "Alpha", "Charlie", "Delta"]]);
    expect(await order("change")).toEqual([{ column: "change", dir: "desc" }, ["Charlie", "Alpha", "Bravo", "Delta"]]);
    // Communication: Charlie 100, Alpha 37.5, Bravo 37.5 (a tie, by name)
    expect(await order("pillar:communication")).toEqual([
      { column: "pillar:communication", dir: "desc" },
      ["Charlie", "Alpha", "Bravo", "Delta"],
    ]);
    // Commitment: Bravo 37.5, Alpha 87.5, Charlie 100
    expect((await order("pillar:commitment", "asc"))[1]).toEqual(["Bravo", "Alpha", "Charlie", "Delta"]);
  });

  it("pages on the server", async () => {
    const w = await buildWorld();
    await db().partnership.createMany({
      data: Array.from({ length: 28 }, (_, i) => ({
        workspaceId: w.workspace.id,
        partnerOrgId: w.orgA.id,
        name: `Extra ${String(i).padStart(2, "0")}`,
      })),
    });
    const first = await overview(w.executive.api, w.slug, { sort: "name" });
    expect(first.page).toEqual({ number: 1, size: 25, pages: 2, total: 30 });
    expect(first.rows).toHaveLength(25);
    const second = await overview(w.executive.api, w.slug, { sort: "name", page: 2 });
    expect(second.rows.map((r) => r.name)).toEqual([
      "Extra 25",
      "Extra 26",
      "Extra 27",
      expect.stringMatching(/^Partnership-/),
      expect.stringMatching(/^Partnership-/),
    ]);
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(30);
    // A page past the end (an old link) shows the last one.
    expect((await overview(w.executive.api, w.slug, { sort: "name", page: 9 })).page.number).toBe(2);
    expect((await overview(w.executive.api, w.slug, { pageSize: 50 })).rows).toHaveLength(30);
  });

  it("refuses bad input with a clear message", async () => {
    const { w } = await portfolioWorld();
    const api = w.executive.api;
    await expectTrpcError(
      overview(api, w.slug, { sort: "bogus" }),
      "BAD_REQUEST",
      /Cannot sort by \\?"bogus\\?": use name, health, change or pillar:<pillar key>/,
    );
    await expectTrpcError(overview(api, w.slug, { sort: "pillar:nope" }), "BAD_REQUEST", /no pillar "nope"/);
    await expectTrpcError(overview(api, w.slug, { page: 0 }), "BAD_REQUEST", /Pages start at 1/);
    await expectTrpcError(overview(api, w.slug, { pageSize: 10_000 }), "BAD_REQUEST", /Show 25, 50, 100 rows per page/);
    await expectTrpcError(overview(api, w.slug, { tier: "GOLD" }), "BAD_REQUEST");
    await expectTrpcError(overview(api, w.slug, { phase: "EXITED" }), "BAD_REQUEST", /exited partnerships are not in the portfolio/);
    await expectTrpcError(overview(api, w.slug, { band: "PURPLE" }), "BAD_REQUEST");
  });
});

describe("portfolio access", () => {
  it("is refused to partner contacts, who learn nothing of other partners", async () => {
    const { w } = await portfolioWorld();
    for (const call of [
      () => overview(w.contactA.api, w.slug),
      () => overview(w.contactA.api, w.slug, { region: "Americas" }),
      () => w.contactA.api.portfolio.export({ workspaceSlug: w.slug }),
    ]) {
      const error = await expectTrpcError(call(), "FORBIDDEN", /^Only the workspace's own members can see this\.$/);
      expect(error.message).not.toContain(w.orgB.name);
    }
    await expectTrpcError(callerFor(null).portfolio.export({ workspaceSlug: w.slug }), "UNAUTHORIZED");
  });
});

describe("portfolio CSV export", () => {
  async function csvOf(api: ReturnType<typeof callerFor>, slug: string, filters: Record<string, string> = {}) {
    let text = csvHeader();
    let after: string | undefined;
    do {
      const batch = await api.portfolio.export({ workspaceSlug: slug, ...filters, after });
      text += csvRows(batch);
      after = batch.next ?? undefined;
    } while (after);
    return text.trimEnd().split("\r\n");
  }

  it("has a row per partnership, cycle, pillar and side, each figure only where confidentiality allows", async () => {
    const { w, charlie } = await portfolioWorld();
    await db().partnership.update({ where: keyOf(charlie), data: { name: '=HYPERLINK("x"), "Charlie"' } });
    const lines = await csvOf(w.executive.api, w.slug);
    expect(lines[0]).toBe("partnership,partner,tier,phase,owner,region,industry,cycle,pillar,side,score,responses,note");
    const about = `Alpha,${w.orgA.name},Strategic,Active,${w.manager.user.name},EMEA,Software`;
    const alpha = lines.filter((l) => l.startsWith("Alpha,"));
    // Both sides have 3 responses in each cycle: health + 4 pillars x 3 sides, twice.
    expect(alpha).toHaveLength(26);
    expect(alpha.slice(0, 4)).toEqual([
      `${about},2020-Q1,Health index,combined,68.8,6,`,
      `${about},2020-Q1,Trust,combined,50.0,6,`,
      `${about},2020-Q1,Trust,host,75.0,3,`,
      `${about},2020-Q1,Trust,partner,25.0,3,`,
    ]);
    expect(alpha).toContain(`${about},2020-Q2,Communication,partner,0.0,3,`);
    // Bravo: one response, then two: each cycle's counts and why, and no figure at all.
    const bravo = lines.filter((l) => l.startsWith("Bravo,"));
    expect(bravo.map((l) => l.split(",").slice(7).join(","))).toEqual([
      "2020-Q1,Health index,combined,,1,too few responses (1 of 2)",
      "2020-Q2,Health index,combined,,2,too few responses (2 of 2)",
    ]);
    // A name that looks like a formula is neutralised and quoted (Charlie: one line per cycle).
    const charlieLines = lines.filter((l) => l.startsWith("\"'=HYPERLINK"));
    expect(charlieLines).toHaveLength(2);
    expect(charlieLines[0]).toMatch(/^"'=HYPERLINK\(""x""\), ""Charlie""",/);
    // Delta has no scores; Echo has exited.
    expect(lines.some((l) => l.startsWith("Delta,") || l.startsWith("Echo,"))).toBe(false);
    expect(lines).toHaveLength(1 + 26 + 2 + 2);

    // With a threshold of 1, Bravo's figures go, and its sides where each has one response.
    await db().workspace.update({ where: { id: w.workspace.id }, data: { confidentialityThreshold: 1 } });
    const loose = (await csvOf(w.executive.api, w.slug)).filter((l) => l.startsWith("Bravo,"));
    expect(loose.map((l) => l.split(",").slice(7).join(","))).toEqual([
      "2020-Q1,Health index,combined,50.0,1,",
      "2020-Q1,Trust,combined,50.0,1,",
      "2020-Q1,Trust,host,50.0,1,",
      "2020-Q1,Commitment,combined,50.0,1,",
      "2020-Q1,Commitment,host,50.0,1,",
      "2020-Q1,Coordination,combined,50.0,1,",
      "2020-Q1,Coordination,host,50.0,1,",
      "2020-Q1,Communication,combined,50.0,1,",
      "2020-Q1,Communication,host,50.0,1,",
      "2020-Q2,Health index,combined,37.5,2,",
      ...["Trust", "Commitment", "Coordination", "Communication"].flatMap((p) => [
        `2020-Q2,${p},combined,37.5,2,`,
        `2020-Q2,${p},host,25.0,1,`,
        `2020-Q2,${p},partner,50.0,1,`,
      ]),
    ]);
  });

  it("follows the filter, band included, across batches", async () => {
    const { w } = await portfolioWorld();
    // Bravo and Charlie have no cycle that may be shown: no band yet, like Delta (which has no rows).
    expect(new Set((await csvOf(w.executive.api, w.slug, { band: "NONE" })).slice(1).map((l) => l.split(",")[0]))).toEqual(
      new Set(["Bravo", "Charlie"]),
    );
    expect(new Set((await csvOf(w.executive.api, w.slug, { band: "WATCH" })).slice(1).map((l) => l.split(",")[0]))).toEqual(
      new Set(["Alpha"]),
    );
    expect(new Set((await csvOf(w.executive.api, w.slug, { region: "EMEA" })).slice(1).map((l) => l.split(",")[0]))).toEqual(
      new Set(["Alpha", "Charlie"]),
    );
    const many = await buildWorld();
    await db().partnership.createMany({
      data: Array.from({ length: 230 }, (_, i) => ({ workspaceId: many.workspace.id, partnerOrgId: many.orgA.id, name: `P${i}` })),
    });
    const batches = [];
    let after: string | undefined;
    do {
      const batch = await many.executive.api.portfolio.export({ workspaceSlug: many.slug, after });
      batches.push(batch);
      after = batch.next ?? undefined;
    } while (after);
    expect(batches).toHaveLength(3);
    await expectTrpcError(many.executive.api.portfolio.export({ workspaceSlug: many.slug, after: "nope" }), "BAD_REQUEST");
  });

  it("quotes and neutralises cells", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(csvCell("line\nbreak")).toBe('"line\nbreak"');
    for (const lead of ["=", "+", "-", "@"]) expect(csvCell(`${lead}1+1`)).toBe(`'${lead}1+1`);
    expect(csvCell(null)).toBe("");
    expect(csvCell(12.5)).toBe("12.5");
  });
});
