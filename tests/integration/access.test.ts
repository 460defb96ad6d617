// The roles table of DESIGN.md, through the tRPC caller: who may read what, and who may write.
import { describe, expect, it } from "vitest";
import { addMember, createResponses } from "../../prisma/factories";
import { buildWorld, callerFor, db, expectTrpcError, fullAnswers } from "./helpers";

type World = Awaited<ReturnType<typeof buildWorld>>;
type Api = World["owner"]["api"];

// One attempt at every write a non-admin must not make; each returns the promise of the call.
function adminWrites(w: World, api: Api, tag: string) {
  const slug = w.slug;
  return {
    "cycle.create": () => api.cycle.create({ workspaceSlug: slug, label: `X-${tag}`, opensAt: "2030-01-01", closesAt: "2030-03-31" }),
    "cycle.close": () => api.cycle.close({ workspaceSlug: slug, cycleId: w.cycle.id }),
    "partnerOrg.create": () => api.partnerOrg.create({ workspaceSlug: slug, name: `Org ${tag}` }),
    "invitation.create": () =>
      api.invitation.create({ workspaceSlug: slug, email: `invitee-${tag}-${w.workspace.id}@example.test`, role: "MANAGER" }),
    "member.changeRole": () => api.member.changeRole({ workspaceSlug: slug, memberId: w.contactB.member.id, role: "EXECUTIVE" }),
    "member.remove": () => api.member.remove({ workspaceSlug: slug, memberId: w.contactB.member.id }),
    "partnership.create": () =>
      api.partnership.create({ workspaceSlug: slug, name: `P ${tag}`, partnerOrgId: w.orgA.id, tier: "CORE", phase: "ACTIVE" }),
    "partnership.update": () =>
      api.partnership.update({
        workspaceSlug: slug,
        partnershipId: w.partnershipA.id,
        name: `Renamed ${tag}`,
        tier: "CORE",
        phase: "EXITED",
      }),
  };
}

// What the admin writes above would have changed, to prove a refused write left nothing behind.
async function snapshot(w: World) {
  const d = db();
  const ws = w.workspace.id;
  return {
    cycles: await d.cycle.findMany({ where: { workspaceId: ws }, orderBy: { id: "asc" } }),
    orgs: await d.partnerOrg.count({ where: { workspaceId: ws } }),
    invitations: await d.invitation.count({ where: { workspaceId: ws } }),
    members: await d.member.findMany({ where: { workspaceId: ws }, orderBy: { id: "asc" } }),
    partnerships: await d.partnership.findMany({ where: { workspaceId: ws }, orderBy: { id: "asc" } }),
    responses: await d.response.count({ where: { workspaceId: ws } }),
  };
}

describe("executive", () => {
  it("reads the portfolio and every partnership's scorecard", async () => {
    const w = await buildWorld();
    const overview = await w.executive.api.portfolio.overview({ workspaceSlug: w.slug });
    expect(overview.rows.map((r) => r.id).sort()).toEqual([w.partnershipA.id, w.partnershipB.id].sort());
    const a = await w.executive.api.partnership.scorecard({ workspaceSlug: w.slug, partnershipId: w.partnershipA.id });
    const b = await w.executive.api.partnership.scorecard({ workspaceSlug: w.slug, partnershipId: w.partnershipB.id });
    expect(a.partnership.id).toBe(w.partnershipA.id);
    expect(b.partnership.id).toBe(w.partnershipB.id);
    expect(a.sides.shown).toBe(true);
  });

  it("is refused every write, and nothing changes", async () => {
    const w = await buildWorld();
    const before = await snapshot(w);
    for (const [name, write] of Object.entries(adminWrites(w, w.executive.api, "exec"))) {
      const error = await expectTrpcError(write(), "FORBIDDEN", /Only workspace admins/);
      expect(error.code, name).toBe("FORBIDDEN");
    }
    await expectTrpcError(
      w.executive.api.response.submit({
        workspaceSlug: w.slug,
        cycleId: w.cycle.id,
        partnershipId: w.partnershipA.id,
        answers: await fullAnswers(w.cycle.id, 4),
        comments: [],
      }),
      "FORBIDDEN",
      /not asked to answer/,
    );
    expect(await snapshot(w)).toEqual(before);
  });

  it("owes no surveys", async () => {
    const w = await buildWorld();
    expect(await w.executive.api.response.owed({ workspaceSlug: w.slug })).toEqual([]);
  });
});

describe("manager", () => {
  it("reads the portfolio and scorecards of partnerships they do not own", async () => {
    const w = await buildWorld();
    const other = await addMember(db(), w.workspace.id, { role: "MANAGER" });
    const api = callerFor(other.user.id);
    const overview = await api.portfolio.overview({ workspaceSlug: w.slug });
    expect(overview.rows).toHaveLength(2);
    const card = await api.partnership.scorecard({ workspaceSlug: w.slug, partnershipId: w.partnershipA.id });
    expect(card.partnership.ownerName).toBe(w.manager.user.name);
    expect(card.sides.shown).toBe(true);
  });

  it("cannot do admin things", async () => {
    const w = await buildWorld();
    const before = await snapshot(w);
    for (const write of Object.values(adminWrites(w, w.manager.api, "mgr"))) {
      await expectTrpcError(write(), "FORBIDDEN", /Only workspace admins can do this/);
    }
    await expectTrpcError(w.manager.api.member.list({ workspaceSlug: w.slug }), "FORBIDDEN");
    await expectTrpcError(w.manager.api.invitation.list({ workspaceSlug: w.slug }), "FORBIDDEN");
    expect(await snapshot(w)).toEqual(before);
  });

  it("answers the survey of a partnership they own, on the HOST side", async () => {
    const w = await buildWorld();
    const { responseId } = await w.manager.api.response.submit({
      workspaceSlug: w.slug,
      cycleId: w.cycle.id,
      partnershipId: w.partnershipA.id,
      answers: await fullAnswers(w.cycle.id, 4),
      comments: [],
    });
    const response = await db().response.findFirstOrThrow({ where: { id: responseId } });
    expect(response.side).toBe("HOST");
    expect(response.memberId).toBe(w.manager.member.id);
  });
});

describe("admin", () => {
  it("creates cycles", async () => {
    const w = await buildWorld();
    const cycle = await w.admin.api.cycle.create({
      workspaceSlug: w.slug,
      label: "2030-Q1",
      opensAt: "2030-01-01",
      closesAt: "2030-03-31",
    });
    expect(cycle).toMatchObject({ workspaceId: w.workspace.id, label: "2030-Q1", status: "DRAFT" });
    expect(cycle.opensAt.toISOString()).toBe("2030-01-01T00:00:00.000Z");
    expect(cycle.closesAt.toISOString()).toBe("2030-03-31T00:00:00.000Z");
  });

  it("creates partner organisations", async () => {
    const w = await buildWorld();
    const org = await w.admin.api.partnerOrg.create({ workspaceSlug: w.slug, name: "Contoso", region: "EMEA" });
    expect(org).toMatchObject({ workspaceId: w.workspace.id, name: "Contoso", region: "EMEA", website: null });
    expect(await db().partnerOrg.count({ where: { workspaceId: w.workspace.id, name: "Contoso" } })).toBe(1);
  });

  it("creates partnerships and invitations", async () => {
    const w = await buildWorld();
    const api = w.admin.api;
    const partnership = await api.partnership.create({
      workspaceSlug: w.slug,
      name: "Contoso Cloud",
      partnerOrgId: w.orgA.id,
      ownerMemberId: w.manager.member.id,
      tier: "STRATEGIC",
      phase: "ONBOARDING",
    });
    expect(partnership).toMatchObject({ workspaceId: w.workspace.id, partnerOrgId: w.orgA.id, ownerMemberId: w.manager.member.id });

    const invitation = await api.invitation.create({
      workspaceSlug: w.slug,
      email: "New.Person@Example.test",
      role: "PARTNER",
      partnerOrgId: w.orgA.id,
    });
    expect(invitation).toMatchObject({ email: "new.person@example.test", role: "PARTNER" });
    const stored = await db().invitation.findFirstOrThrow({ where: { id: invitation.id } });
    expect(stored).toMatchObject({ workspaceId: w.workspace.id, partnerOrgId: w.orgA.id, invitedById: w.admin.member.id });
  });

  it("cannot grant the owner role; only an owner can", async () => {
    const w = await buildWorld();
    await expectTrpcError(
      w.admin.api.member.changeRole({ workspaceSlug: w.slug, memberId: w.manager.member.id, role: "OWNER" }),
      "FORBIDDEN",
      /Only an owner can grant/,
    );
    expect((await db().member.findFirstOrThrow({ where: { id: w.manager.member.id } })).role).toBe("MANAGER");
    await w.owner.api.member.changeRole({ workspaceSlug: w.slug, memberId: w.manager.member.id, role: "OWNER" });
    expect((await db().member.findFirstOrThrow({ where: { id: w.manager.member.id } })).role).toBe("OWNER");
  });
});

describe("partner contact", () => {
  it("is refused the portfolio and the list of partner organisations", async () => {
    const w = await buildWorld();
    await expectTrpcError(w.contactA.api.portfolio.overview({ workspaceSlug: w.slug }), "FORBIDDEN");
    await expectTrpcError(w.contactA.api.partnerOrg.list({ workspaceSlug: w.slug }), "FORBIDDEN");
  });

  it("lists only their own organisation's partnerships", async () => {
    const w = await buildWorld();
    const list = await w.contactA.api.partnership.list({ workspaceSlug: w.slug });
    expect(list.map((p) => p.id)).toEqual([w.partnershipA.id]);
    expect(JSON.stringify(list)).not.toContain(w.orgB.name);
    const listB = await w.contactB.api.partnership.list({ workspaceSlug: w.slug });
    expect(listB.map((p) => p.id)).toEqual([w.partnershipB.id]);
  });

  it("gets NOT_FOUND for another organisation's scorecard, as for a missing one", async () => {
    const w = await buildWorld();
    await expectTrpcError(
      w.contactA.api.partnership.scorecard({ workspaceSlug: w.slug, partnershipId: w.partnershipB.id }),
      "NOT_FOUND",
      /^Partnership not found\.$/,
    );
    await expectTrpcError(
      w.contactA.api.partnership.scorecard({ workspaceSlug: w.slug, partnershipId: "no-such-partnership" }),
      "NOT_FOUND",
      /^Partnership not found\.$/,
    );
  });

  it("sees their own scorecard as the shared view, without separate side numbers", async () => {
    const w = await buildWorld();
    const ws = w.workspace.id;
    const hosts = [w.owner.member.id, w.admin.member.id, w.manager.member.id];
    const partners = [w.contactA.member.id];
    for (let i = 0; i < 2; i++) partners.push((await addMember(db(), ws, { role: "PARTNER", partnerOrgId: w.orgA.id })).member.id);
    // Three responses a side, so both sides would be visible to the host.
    await createResponses(db(), ws, [
      ...hosts.map((memberId) => ({ cycleId: w.cycle.id, partnershipId: w.partnershipA.id, memberId, side: "HOST" as const, answers: 5 })),
      ...partners.map((memberId) => ({
        cycleId: w.cycle.id,
        partnershipId: w.partnershipA.id,
        memberId,
        side: "PARTNER" as const,
        answers: 3,
      })),
    ]);

    const shared = await w.contactA.api.partnership.scorecard({ workspaceSlug: w.slug, partnershipId: w.partnershipA.id });
    expect(shared.sides).toMatchObject({ shown: false, hostVisible: false, partnerVisible: false, notes: [] });
    // Host 100, partner 50: combined 75 on every pillar.
    expect(shared.current?.health).toBe(75);
    for (const pillar of shared.pillars) {
      expect(pillar).toMatchObject({ score: 75, host: null, partner: null, gap: null, gapFlagged: false, higher: null });
    }

    const host = await w.manager.api.partnership.scorecard({ workspaceSlug: w.slug, partnershipId: w.partnershipA.id });
    expect(host.sides).toMatchObject({ shown: true, hostVisible: true, partnerVisible: true });
    expect(host.pillars[0]).toMatchObject({ score: 75, host: 100, partner: 50, gap: 50, gapFlagged: true, higher: "HOST" });
  });

  it("learns nothing about other organisations' answers from the cycle list", async () => {
    const w = await buildWorld();
    const before = await w.contactA.api.cycle.list({ workspaceSlug: w.slug });
    expect(before.map((c) => c.id)).toEqual([w.cycle.id]);
    // Another organisation's contact answers about their own partnership.
    await w.contactB.api.response.submit({
      workspaceSlug: w.slug,
      cycleId: w.cycle.id,
      partnershipId: w.partnershipB.id,
      answers: await fullAnswers(w.cycle.id, 4),
      comments: [],
    });
    expect(await w.contactA.api.cycle.list({ workspaceSlug: w.slug })).toEqual(before);
  });

  it("is refused admin writes", async () => {
    const w = await buildWorld();
    const before = await snapshot(w);
    for (const write of Object.values(adminWrites(w, w.contactA.api, "partner"))) {
      await expectTrpcError(write(), "FORBIDDEN");
    }
    expect(await snapshot(w)).toEqual(before);
  });
});

describe("signed-out caller", () => {
  it("gets UNAUTHORIZED from every member procedure", async () => {
    const w = await buildWorld();
    const api = callerFor(null);
    await expectTrpcError(api.portfolio.overview({ workspaceSlug: w.slug }), "UNAUTHORIZED", /Please sign in/);
    await expectTrpcError(api.partnership.list({ workspaceSlug: w.slug }), "UNAUTHORIZED");
    await expectTrpcError(api.partnership.scorecard({ workspaceSlug: w.slug, partnershipId: w.partnershipA.id }), "UNAUTHORIZED");
    await expectTrpcError(api.workspace.mine(), "UNAUTHORIZED");
    await expectTrpcError(
      api.cycle.create({ workspaceSlug: w.slug, label: "nope", opensAt: "2030-01-01", closesAt: "2030-02-01" }),
      "UNAUTHORIZED",
    );
    expect(await db().cycle.count({ where: { workspaceId: w.workspace.id, label: "nope" } })).toBe(0);
  });

  it("gets UNAUTHORIZED when the session's account no longer exists", async () => {
    const w = await buildWorld();
    await expectTrpcError(callerFor("deleted-user-id").partnership.list({ workspaceSlug: w.slug }), "UNAUTHORIZED", /no longer exists/);
  });
});
