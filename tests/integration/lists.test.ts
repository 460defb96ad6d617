// The searchable lists: partnerships, partner organisations and members, searched, filtered and
// paged by the database, through each list's access rule; and the partnerships list's health
// column, which shows what the scorecard and the portfolio show and withholds what they withhold.
import { describe, expect, it } from "vitest";
import { addMember, createCycle, createPartnerOrg, createPartnership, createResponses, unique } from "../../prisma/factories";
import { buildWorld, callerFor, closedQuarter, db, expectTrpcError } from "./helpers";

type World = Awaited<ReturnType<typeof buildWorld>>;

// Twenty-three more partnerships: 20 with organisation A ("Alpha 01".."Alpha 20", strategic ones
// every fourth), 3 with B.
async function manyPartnerships(w: World) {
  const d = db();
  for (let i = 1; i <= 20; i++) {
    await createPartnership(d, w.workspace.id, {
      partnerOrgId: w.orgA.id,
      name: `Alpha ${String(i).padStart(2, "0")}`,
      tier: i % 4 === 0 ? "STRATEGIC" : "CORE",
      ownerMemberId: i % 2 === 0 ? w.manager.member.id : null,
    });
  }
  for (let i = 1; i <= 3; i++) await createPartnership(d, w.workspace.id, { partnerOrgId: w.orgB.id, name: `Beta ${i}` });
}

const search =
  (w: World, who: keyof Pick<World, "owner" | "admin" | "manager" | "executive" | "contactA" | "contactB">) =>
  (input: Record<string, unknown> = {}) =>
    w[who].api.partnership.search({ workspaceSlug: w.slug, ...input });

describe("the partnerships list", () => {
  it("searches by the partnership's or the partner's name, filters and pages with counts", async () => {
    const w = await buildWorld();
    await manyPartnerships(w);
    const admin = search(w, "admin");

    const first = await admin({ pageSize: 20 });
    expect(first.page).toEqual({ number: 1, size: 20, pages: 2, total: 25, from: 1, to: 20 });
    expect(first.rows[0]!.name).toBe("Alpha 01");
    const second = await admin({ page: 2, pageSize: 20 });
    expect(second.page).toMatchObject({ number: 2, from: 21, to: 25 });
    expect(second.rows).toHaveLength(5);
    // A page past the end shows the last one.
    expect((await admin({ page: 9, pageSize: 20 })).page).toMatchObject({ number: 2, from: 21, to: 25 });

    expect((await admin({ q: "alpha 1" })).rows.map((r) => r.name)).toEqual(
      ["10", "11", "12", "13", "14", "15", "16", "17", "18", "19"].map((n) => `Alpha ${n}`),
    );
    // The partner organisation's name matches too.
    expect((await admin({ q: w.orgB.name.toUpperCase() })).page.total).toBe(4);
    // A LIKE wildcard is a plain character.
    expect((await admin({ q: "%" })).page.total).toBe(0);
    expect((await admin({ q: "Alpha_0" })).page.total).toBe(0);

    expect((await admin({ tier: "STRATEGIC" })).rows.map((r) => r.name)).toEqual([
      "Alpha 04",
      "Alpha 08",
      "Alpha 12",
      "Alpha 16",
      "Alpha 20",
    ]);
    const owned = await admin({ owner: w.manager.member.id, q: "alpha" });
    expect(owned.page.total).toBe(10);
    expect(owned.options.owners).toEqual([{ id: w.manager.member.id, name: w.manager.user.name }]);
    expect((await admin({ owner: "none" })).rows.map((r) => r.name)).toEqual(expect.arrayContaining(["Alpha 01", "Beta 1"]));
    expect((await admin({ phase: "EXITED" })).page.total).toBe(0);
    expect((await admin({ sort: "newest", pageSize: 20 })).rows[0]!.name).toBe("Beta 3");

    const nothing = await admin({ q: "no such partnership" });
    expect(nothing).toMatchObject({ rows: [], page: { total: 0, from: 0, to: 0, number: 1, pages: 1 } });
  });

  it("refuses bad input with a clear message", async () => {
    const w = await buildWorld();
    const admin = search(w, "admin");
    await expectTrpcError(admin({ page: 0 }), "BAD_REQUEST", /Pages start at 1/);
    await expectTrpcError(admin({ page: 1.5 }), "BAD_REQUEST", /whole number/);
    await expectTrpcError(admin({ pageSize: 7 }), "BAD_REQUEST", /20, 50, 100 rows per page/);
    await expectTrpcError(admin({ tier: "GOLD" }), "BAD_REQUEST", /strategic, core or emerging/);
    await expectTrpcError(admin({ band: "GREEN" }), "BAD_REQUEST", /healthy, watch, at risk or none/);
    await expectTrpcError(admin({ sort: "owner" }), "BAD_REQUEST", /name, health or newest/);
    await expectTrpcError(admin({ q: "x".repeat(121) }), "BAD_REQUEST", /at most 120/);
  });

  it("shows each caller exactly the partnerships they could see before, whatever they search for", async () => {
    const w = await buildWorld();
    await manyPartnerships(w);
    for (const who of ["owner", "admin", "manager", "executive", "contactA", "contactB"] as const) {
      const listed = (await w[who].api.partnership.list({ workspaceSlug: w.slug })).map((p) => p.id).sort();
      const found = (await search(w, who)({ pageSize: 100 })).rows.map((r) => r.id).sort();
      expect(found, who).toEqual(listed);
    }
    // A contact of B finds nothing of A's, not even its count, by searching for its names.
    const contactB = search(w, "contactB");
    expect((await contactB({ q: w.orgA.name })).page.total).toBe(0);
    expect((await contactB({ q: "Alpha" })).page.total).toBe(0);
    expect((await contactB({ owner: w.manager.member.id })).page.total).toBe(1);
    // Its owner choices are those of its own partnerships.
    const options = (await contactB()).options.owners.map((o) => o.id);
    expect(options).toEqual([w.manager.member.id]);
  });
});

describe("the partnerships list's health", () => {
  // A: healthy in 2020-Q1 (3 responses), then a newer cycle with one response (withheld).
  // B: two responses only, never shown. C: at risk, shown. D: no responses at all.
  async function scored() {
    const w = await buildWorld();
    const d = db();
    const ws = w.workspace.id;
    const q1 = await closedQuarter(ws, "2020-Q1");
    const q2 = await closedQuarter(ws, "2020-Q2");
    const c = await createPartnership(d, ws, { partnerOrgId: w.orgA.id, name: "Gamma", ownerMemberId: w.manager.member.id });
    const none = await createPartnership(d, ws, { partnerOrgId: w.orgA.id, name: "Delta" });
    const people = await Promise.all([1, 2, 3].map(() => addMember(d, ws, { role: "MANAGER" })));
    const answers = (cycleId: string, partnershipId: string, n: number, value: number) =>
      people.slice(0, n).map((p) => ({ cycleId, partnershipId, memberId: p.member.id, side: "HOST" as const, answers: value }));
    await createResponses(d, ws, [
      ...answers(q1.id, w.partnershipA.id, 3, 5),
      ...answers(q2.id, w.partnershipA.id, 1, 1),
      ...answers(q2.id, w.partnershipB.id, 2, 5),
      ...answers(q2.id, c.id, 3, 2),
    ]);
    return { w, q1, q2, c, none };
  }

  it("shows the scorecard's current health and band, and says why a newer cycle is withheld", async () => {
    const { w, c, none } = await scored();
    const { rows, healthShown } = await search(w, "executive")({});
    expect(healthShown).toBe(true);
    const row = (id: string) => rows.find((r) => r.id === id)!.health!;
    expect(row(w.partnershipA.id)).toMatchObject({ health: 100, band: "HEALTHY", cycleLabel: "2020-Q1" });
    expect(row(w.partnershipA.id).withheld).toEqual({
      cycleLabel: "2020-Q2",
      text: expect.stringMatching(/^too few responses \(1 of \d+\)$/),
    });
    expect(row(w.partnershipB.id)).toMatchObject({ health: null, band: null, cycleLabel: null });
    expect(row(w.partnershipB.id).withheld?.text).toMatch(/^too few responses \(2 of \d+\)$/);
    expect(row(c.id)).toMatchObject({ health: 25, band: "AT_RISK", cycleLabel: "2020-Q2", withheld: null });
    expect(row(none.id)).toEqual({ health: null, band: null, cycleLabel: null, change: null, withheld: null });

    // The same figures and bands as the portfolio and the scorecard.
    const portfolio = await w.executive.api.portfolio.overview({ workspaceSlug: w.slug, pageSize: 100 });
    for (const p of portfolio.rows) expect([p.name, row(p.id).health, row(p.id).band]).toEqual([p.name, p.health, p.band]);
    const card = await w.executive.api.partnership.scorecard({ workspaceSlug: w.slug, partnershipId: c.id });
    expect(card.current?.health).toBe(25);
  });

  it("filters by band and sorts by health in the database, as the rows show them", async () => {
    const { w, c, none } = await scored();
    const names = async (input: Record<string, unknown>) => (await search(w, "manager")(input)).rows.map((r) => r.id);
    expect(await names({ band: "HEALTHY" })).toEqual([w.partnershipA.id]);
    expect(await names({ band: "AT_RISK" })).toEqual([c.id]);
    expect(await names({ band: "WATCH" })).toEqual([]);
    expect((await names({ band: "NONE" })).sort()).toEqual([w.partnershipB.id, none.id].sort());
    const sorted = await names({ sort: "health" });
    expect(sorted.slice(0, 2)).toEqual([c.id, w.partnershipA.id]);
  });

  it("withholds health from partner contacts when the workspace does not share scores", async () => {
    const { w } = await scored();
    const shared = await search(w, "contactA")({});
    expect(shared.healthShown).toBe(true);
    expect(shared.rows.find((r) => r.id === w.partnershipA.id)!.health).toMatchObject({ health: 100 });
    await w.owner.api.workspace.updatePartnerSharing({
      workspaceSlug: w.slug,
      partnerSeesScores: false,
      partnerSeesTrends: false,
      partnerSeesComments: false,
      partnerSeesSides: false,
      partnerSeesStatements: false,
    });
    const hidden = await search(w, "contactA")({});
    expect(hidden.healthShown).toBe(false);
    expect(hidden.rows.every((r) => r.health === null)).toBe(true);
    await expectTrpcError(search(w, "contactA")({ band: "HEALTHY" }), "BAD_REQUEST", /does not share health scores/);
    await expectTrpcError(search(w, "contactA")({ sort: "health" }), "BAD_REQUEST", /does not share health scores/);
  });
});

describe("the partner organisations list", () => {
  it("searches by name, filters by region and industry, pages, and is the company's own", async () => {
    const w = await buildWorld();
    const d = db();
    for (let i = 1; i <= 25; i++) {
      await createPartnerOrg(d, w.workspace.id, {
        name: `Org ${String(i).padStart(2, "0")} ${unique("x")}`,
        region: i % 2 ? "EMEA" : "Americas",
        industry: i % 5 === 0 ? "Retail" : "Software",
      });
    }
    const orgs = (input: Record<string, unknown>) => w.admin.api.partnerOrg.search({ workspaceSlug: w.slug, ...input });
    expect((await orgs({ q: "org 0" })).page.total).toBe(9);
    expect((await orgs({ region: "EMEA", industry: "Retail" })).rows.map((o) => o.name.slice(0, 6))).toEqual([
      "Org 05",
      "Org 15",
      "Org 25",
    ]);
    const page = await orgs({ q: "org", page: 2, pageSize: 20 });
    expect(page.page).toMatchObject({ total: 25, from: 21, to: 25, pages: 2 });
    expect(page.options).toEqual({ regions: ["Americas", "EMEA"], industries: ["Retail", "Software"] });
    expect((await orgs({ q: "%" })).page.total).toBe(0);
    await expectTrpcError(w.contactA.api.partnerOrg.search({ workspaceSlug: w.slug }), "FORBIDDEN");
    // A form's choice of organisation: ids and names only, every one of them.
    const choices = await w.admin.api.partnerOrg.choices({ workspaceSlug: w.slug });
    expect(choices).toHaveLength(27);
    expect(Object.keys(choices[0]!).sort()).toEqual(["id", "name"]);
    await expectTrpcError(w.contactA.api.partnerOrg.choices({ workspaceSlug: w.slug }), "FORBIDDEN");
    await expectTrpcError(orgs({ page: -1 }), "BAD_REQUEST", /Pages start at 1/);
  });
});

describe("the members list", () => {
  it("searches by name and email, filters by role, organisation and status, pages, and is for admins", async () => {
    const w = await buildWorld();
    const d = db();
    for (let i = 1; i <= 22; i++) {
      await addMember(d, w.workspace.id, {
        role: "PARTNER",
        partnerOrgId: i <= 12 ? w.orgA.id : w.orgB.id,
        user: { name: `Contact ${String(i).padStart(2, "0")}`, email: `${unique("c")}@globex-${i}.test` },
      });
    }
    const members = (input: Record<string, unknown>) => w.admin.api.member.search({ workspaceSlug: w.slug, ...input });
    const contacts = await members({ role: "PARTNER", pageSize: 20 });
    expect(contacts.page).toMatchObject({ total: 24, pages: 2, from: 1, to: 20 });
    expect((await members({ role: "PARTNER", org: w.orgA.id })).page.total).toBe(13);
    expect((await members({ q: "contact 1" })).members.map((m) => m.name)).toEqual(
      ["10", "11", "12", "13", "14", "15", "16", "17", "18", "19"].map((n) => `Contact ${n}`),
    );
    expect((await members({ q: "GLOBEX-7.test" })).members.map((m) => m.name)).toEqual(["Contact 07"]);
    expect((await members({ q: "%" })).page.total).toBe(0);
    const me = await members({ q: w.admin.user.email });
    expect(me.members).toEqual([expect.objectContaining({ id: w.admin.member.id, isYou: true })]);

    await w.admin.api.invitation.create({
      workspaceSlug: w.slug,
      email: "new.person@globex.test",
      role: "PARTNER",
      partnerOrgId: w.orgA.id,
    });
    const invited = await members({ status: "invited", q: "globex" });
    expect(invited.members).toEqual([]);
    expect(invited.invitations).toEqual([expect.objectContaining({ email: "new.person@globex.test", role: "PARTNER", expired: false })]);
    expect((await members({ status: "invited", org: w.orgB.id })).page.total).toBe(0);

    await expectTrpcError(w.manager.api.member.search({ workspaceSlug: w.slug }), "FORBIDDEN");
    // A form's choice of owner: the members who may own a partnership, and nobody else.
    const owners = (await w.admin.api.member.owners({ workspaceSlug: w.slug })).map((o) => o.id).sort();
    expect(owners).toEqual([w.owner.member.id, w.admin.member.id, w.manager.member.id].sort());
    await expectTrpcError(w.manager.api.member.owners({ workspaceSlug: w.slug }), "FORBIDDEN");
    await expectTrpcError(members({ role: "GUEST" }), "BAD_REQUEST", /owner, admin, manager, executive or partner/);
    await expectTrpcError(members({ status: "gone" }), "BAD_REQUEST", /active members or pending invitations/);
  });
});

describe("the host team editor", () => {
  async function teamWorld() {
    const w = await buildWorld();
    const d = db();
    const mia = await addMember(d, w.workspace.id, { role: "MANAGER", user: { name: "Mia Teammate" } });
    const other = await addMember(d, w.workspace.id, { role: "MANAGER" });
    const draft = await createCycle(d, w.workspace.id, { status: "DRAFT", opensAt: new Date(Date.now() + 30 * 86_400_000) });
    const closed = await closedQuarter(w.workspace.id, "2020-Q1");
    return { w, mia, other: { ...other, api: callerFor(other.user.id) }, draft, closed };
  }
  const key = (w: World) => ({ workspaceSlug: w.slug, partnershipId: w.partnershipA.id });
  const places = (w: World, memberId: string) =>
    db().cycleParticipant.findMany({
      where: { workspaceId: w.workspace.id, partnershipId: w.partnershipA.id, memberId },
      orderBy: { cycleId: "asc" },
    });

  it("adds a member, who open and draft cycles then ask, and lists the team", async () => {
    const { w, mia, draft, closed } = await teamWorld();
    await w.manager.api.team.add({ ...key(w), memberId: mia.member.id });
    const team = await w.executive.api.team.list(key(w));
    expect(team.members.map((m) => m.name)).toEqual(["Mia Teammate"]);
    expect(team.owner?.memberId).toBe(w.manager.member.id);
    expect(team.mayEdit).toBe(false);
    expect(team.candidates.map((c) => c.memberId)).not.toContain(mia.member.id);
    expect(team.candidates.map((c) => c.memberId)).not.toContain(w.manager.member.id);
    const rows = await places(w, mia.member.id);
    expect(rows.map((r) => [r.cycleId, r.side, r.excluded]).sort()).toEqual(
      [
        [w.cycle.id, "HOST", false],
        [draft.id, "HOST", false],
      ].sort(),
    );
    expect(rows.some((r) => r.cycleId === closed.id)).toBe(false);
    expect((await callerFor(mia.user.id).response.owed({ workspaceSlug: w.slug })).map((s) => s.partnershipId)).toContain(
      w.partnershipA.id,
    );
  });

  it("removes a member: unanswered places go, an answered place stays off the list with its answer, and coming back restores it", async () => {
    const { w, mia, draft } = await teamWorld();
    await w.admin.api.team.add({ ...key(w), memberId: mia.member.id });
    await createResponses(db(), w.workspace.id, [
      { cycleId: w.cycle.id, partnershipId: w.partnershipA.id, memberId: mia.member.id, side: "HOST", answers: 4 },
    ]);
    const before = await db().partnershipCycleScore.findFirstOrThrow({
      where: { workspaceId: w.workspace.id, cycleId: w.cycle.id, partnershipId: w.partnershipA.id },
    });

    const result = await w.manager.api.team.remove({ ...key(w), memberId: mia.member.id });
    expect(result.kept).toBe(1);
    expect((await places(w, mia.member.id)).map((r) => [r.cycleId, r.excluded])).toEqual([[w.cycle.id, true]]);
    expect(await db().response.count({ where: { workspaceId: w.workspace.id, memberId: mia.member.id } })).toBe(1);
    const after = await db().partnershipCycleScore.findFirstOrThrow({
      where: { workspaceId: w.workspace.id, cycleId: w.cycle.id, partnershipId: w.partnershipA.id },
    });
    expect(after.health).toBe(before.health);
    expect(after.hostResponses).toBe(1);
    expect((await w.admin.api.team.list(key(w))).members).toEqual([]);

    await w.manager.api.team.add({ ...key(w), memberId: mia.member.id });
    expect((await places(w, mia.member.id)).map((r) => [r.cycleId, r.excluded]).sort()).toEqual(
      [
        [w.cycle.id, false],
        [draft.id, false],
      ].sort(),
    );
  });

  it("keeps a draft's place off the list, and leaves places added by hand alone", async () => {
    const { w, mia, draft } = await teamWorld();
    await w.admin.api.team.add({ ...key(w), memberId: mia.member.id });
    await db().responseDraft.upsert({
      where: {
        workspaceId_cycleId_partnershipId_memberId: {
          workspaceId: w.workspace.id,
          cycleId: w.cycle.id,
          partnershipId: w.partnershipA.id,
          memberId: mia.member.id,
        },
      },
      create: {
        workspaceId: w.workspace.id,
        cycleId: w.cycle.id,
        partnershipId: w.partnershipA.id,
        memberId: mia.member.id,
        answers: {},
        comments: {},
      },
      update: {},
    });
    await db().cycleParticipant.updateMany({
      where: { workspaceId: w.workspace.id, cycleId: draft.id, memberId: mia.member.id },
      data: { manual: true },
    });
    await w.admin.api.team.remove({ ...key(w), memberId: mia.member.id });
    const rows = await places(w, mia.member.id);
    expect(rows.map((r) => [r.cycleId, r.excluded, r.manual]).sort()).toEqual(
      [
        [w.cycle.id, true, false],
        [draft.id, false, true],
      ].sort(),
    );
    expect(await db().responseDraft.count({ where: { workspaceId: w.workspace.id, memberId: mia.member.id } })).toBe(1);
  });

  it("refuses whoever may not manage the partnership, and people who cannot join, changing nothing", async () => {
    const { w, mia, other } = await teamWorld();
    await w.admin.api.team.add({ ...key(w), memberId: mia.member.id });
    const snapshot = async () => ({
      team: await db().partnershipTeamMember.findMany({ where: { workspaceId: w.workspace.id }, orderBy: { memberId: "asc" } }),
      places: await db().cycleParticipant.findMany({
        where: { workspaceId: w.workspace.id },
        orderBy: [{ cycleId: "asc" }, { memberId: "asc" }],
      }),
    });
    const before = await snapshot();
    const add = (api: World["admin"]["api"], memberId: string) => api.team.add({ ...key(w), memberId });
    await expectTrpcError(add(w.executive.api, other.member.id), "FORBIDDEN", /alliance managers and admins/);
    await expectTrpcError(add(other.api, other.member.id), "FORBIDDEN", /owner or an admin can change its host team/);
    await expectTrpcError(other.api.team.remove({ ...key(w), memberId: mia.member.id }), "FORBIDDEN", /owner or an admin/);
    await expectTrpcError(add(w.contactA.api, other.member.id), "FORBIDDEN");
    await expectTrpcError(add(w.contactB.api, other.member.id), "NOT_FOUND");
    await expectTrpcError(w.contactA.api.team.list(key(w)), "FORBIDDEN");
    await expectTrpcError(add(w.admin.api, w.executive.member.id), "BAD_REQUEST", /cannot join a host team/);
    await expectTrpcError(add(w.admin.api, w.contactA.member.id), "BAD_REQUEST", /cannot join a host team/);
    await expectTrpcError(add(w.admin.api, w.manager.member.id), "BAD_REQUEST", /owns/);
    await expectTrpcError(add(w.admin.api, "no-such-member"), "NOT_FOUND");
    await expectTrpcError(w.admin.api.team.remove({ ...key(w), memberId: other.member.id }), "NOT_FOUND", /Team member/);
    await expectTrpcError(w.admin.api.team.add({ workspaceSlug: w.slug, partnershipId: "nope", memberId: other.member.id }), "NOT_FOUND");
    await db().partnership.updateMany({ where: { id: w.partnershipA.id }, data: { archivedAt: new Date(), phase: "EXITED" } });
    await expectTrpcError(add(w.admin.api, other.member.id), "BAD_REQUEST", /archived/);
    expect((await w.admin.api.team.list(key(w))).mayEdit).toBe(false);
    expect(await snapshot()).toEqual(before);
  });
});
