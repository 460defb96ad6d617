// Tenant isolation: a member of workspace A can never read or change anything of workspace B,
// and a row of B looks exactly like a row that does not exist.
import { describe, expect, it } from "vitest";
import { createCycle, createResponses } from "../../prisma/factories";
import { buildWorld, db, expectTrpcError, fullAnswers } from "./helpers";

type World = Awaited<ReturnType<typeof buildWorld>>;

// Everything in a workspace that the calls below could touch, to prove it did not change.
async function snapshotOf(w: World) {
  const d = db();
  const where = { workspaceId: w.workspace.id };
  const byId = { orderBy: { id: "asc" as const } };
  return {
    workspace: await d.workspace.findUniqueOrThrow({ where: { id: w.workspace.id } }),
    members: await d.member.findMany({ where, ...byId }),
    invitations: await d.invitation.findMany({ where, ...byId }),
    orgs: await d.partnerOrg.findMany({ where, ...byId }),
    partnerships: await d.partnership.findMany({ where, ...byId }),
    cycles: await d.cycle.findMany({ where, ...byId }),
    responses: await d.response.findMany({ where, ...byId }),
    answers: await d.answer.count({ where }),
    scores: await d.responsePillarScore.count({ where }),
  };
}

// Two workspaces; B has a draft cycle and a pending invitation for A's admin to aim at.
async function twoWorlds() {
  const a = await buildWorld();
  const b = await buildWorld();
  const bDraft = await createCycle(db(), b.workspace.id, { status: "DRAFT" });
  const bInvitation = await b.admin.api.invitation.create({
    workspaceSlug: b.slug,
    email: `pending-${b.workspace.id}@example.test`,
    role: "MANAGER",
  });
  return { a, b, bDraft, bInvitation };
}

describe("another workspace's rows, asked for with one's own workspace", () => {
  it("B's partnership scorecard is NOT_FOUND", async () => {
    const { a, b } = await twoWorlds();
    await expectTrpcError(
      a.admin.api.partnership.scorecard({ workspaceSlug: a.slug, partnershipId: b.partnershipA.id }),
      "NOT_FOUND",
      /^Partnership not found\.$/,
    );
  });

  it("B's cycle cannot be opened, read as a survey form or answered", async () => {
    const { a, b, bDraft } = await twoWorlds();
    const before = await snapshotOf(b);
    await expectTrpcError(a.admin.api.cycle.open({ workspaceSlug: a.slug, cycleId: bDraft.id }), "NOT_FOUND", /^Cycle not found\.$/);
    await expectTrpcError(a.admin.api.cycle.close({ workspaceSlug: a.slug, cycleId: b.cycle.id }), "NOT_FOUND", /^Cycle not found\.$/);
    await expectTrpcError(
      a.contactA.api.response.form({ workspaceSlug: a.slug, cycleId: b.cycle.id, partnershipId: a.partnershipA.id }),
      "NOT_FOUND",
      /^Cycle not found\.$/,
    );
    await expectTrpcError(
      a.contactA.api.response.submit({
        workspaceSlug: a.slug,
        cycleId: b.cycle.id,
        partnershipId: a.partnershipA.id,
        answers: await fullAnswers(b.cycle.id, 4),
        comments: [],
      }),
      "NOT_FOUND",
      /^Cycle not found\.$/,
    );
    expect(await snapshotOf(b)).toEqual(before);
    expect(await db().response.count({ where: { workspaceId: a.workspace.id } })).toBe(0);
  });

  it("B's statements cannot be used to answer A's survey", async () => {
    const { a, b } = await twoWorlds();
    await expectTrpcError(
      a.contactA.api.response.submit({
        workspaceSlug: a.slug,
        cycleId: a.cycle.id,
        partnershipId: a.partnershipA.id,
        answers: await fullAnswers(b.cycle.id, 4),
        comments: [],
      }),
      "BAD_REQUEST",
      /statement that is not in this survey/,
    );
    expect(await db().response.count({ where: { workspaceId: a.workspace.id } })).toBe(0);
  });

  it("B's member cannot be removed or have their role changed", async () => {
    const { a, b } = await twoWorlds();
    const before = await snapshotOf(b);
    await expectTrpcError(
      a.owner.api.member.remove({ workspaceSlug: a.slug, memberId: b.manager.member.id }),
      "NOT_FOUND",
      /^Member not found\.$/,
    );
    await expectTrpcError(
      a.owner.api.member.changeRole({ workspaceSlug: a.slug, memberId: b.manager.member.id, role: "EXECUTIVE" }),
      "NOT_FOUND",
      /^Member not found\.$/,
    );
    expect(await snapshotOf(b)).toEqual(before);
  });

  it("B's invitation cannot be revoked", async () => {
    const { a, b, bInvitation } = await twoWorlds();
    const before = await snapshotOf(b);
    await expectTrpcError(
      a.admin.api.invitation.revoke({ workspaceSlug: a.slug, invitationId: bInvitation.id }),
      "NOT_FOUND",
      /^Pending invitation not found\.$/,
    );
    expect(await snapshotOf(b)).toEqual(before);
    const stored = await db().invitation.findFirstOrThrow({ where: { id: bInvitation.id } });
    expect(stored.revokedAt).toBeNull();
  });

  it("B's partner organisation and partnership cannot be used in A's writes", async () => {
    const { a, b } = await twoWorlds();
    const before = await snapshotOf(b);
    await expectTrpcError(
      a.admin.api.partnership.create({ workspaceSlug: a.slug, name: "Cross", partnerOrgId: b.orgA.id, tier: "CORE", phase: "ACTIVE" }),
      "NOT_FOUND",
      /^Partner organisation not found\.$/,
    );
    await expectTrpcError(
      a.admin.api.partnership.update({
        workspaceSlug: a.slug,
        partnershipId: b.partnershipA.id,
        name: "Hijacked",
        tier: "CORE",
        phase: "EXITED",
      }),
      "NOT_FOUND",
      /^Partnership not found\.$/,
    );
    await expectTrpcError(
      a.admin.api.invitation.create({
        workspaceSlug: a.slug,
        email: `x-${a.workspace.id}@example.test`,
        role: "PARTNER",
        partnerOrgId: b.orgA.id,
      }),
      "NOT_FOUND",
      /^Partner organisation not found\.$/,
    );
    await expectTrpcError(
      a.admin.api.partnership.create({
        workspaceSlug: a.slug,
        name: "Owned elsewhere",
        partnerOrgId: a.orgA.id,
        ownerMemberId: b.manager.member.id,
        tier: "CORE",
        phase: "ACTIVE",
      }),
      "BAD_REQUEST",
      /owner must be a current manager/,
    );
    expect(await snapshotOf(b)).toEqual(before);
    expect(await db().partnership.count({ where: { workspaceId: a.workspace.id } })).toBe(2);
  });

  it("A's portfolio and lists show none of B's rows", async () => {
    const { a, b } = await twoWorlds();
    const overview = await a.owner.api.portfolio.overview({ workspaceSlug: a.slug });
    expect(overview.rows.map((r) => r.id).sort()).toEqual([a.partnershipA.id, a.partnershipB.id].sort());
    const orgs = await a.owner.api.partnerOrg.list({ workspaceSlug: a.slug });
    expect(orgs.map((o) => o.id).sort()).toEqual([a.orgA.id, a.orgB.id].sort());
    const members = await a.owner.api.member.list({ workspaceSlug: a.slug });
    expect(members.map((m) => m.id)).not.toContain(b.owner.member.id);
    expect(members).toHaveLength(6);
    const cycles = await a.owner.api.cycle.list({ workspaceSlug: a.slug });
    expect(cycles.map((c) => c.id)).toEqual([a.cycle.id]);
    expect(await a.owner.api.invitation.list({ workspaceSlug: a.slug })).toEqual([]);
  });
});

describe("another workspace's slug", () => {
  it('answers NOT_FOUND "Workspace not found.", as a slug that does not exist', async () => {
    const { a, b } = await twoWorlds();
    const before = await snapshotOf(b);
    const refused = "Workspace not found.";
    const exact = new RegExp(`^${refused.replace(".", "\\.")}$`);
    await expectTrpcError(a.owner.api.partnership.list({ workspaceSlug: b.slug }), "NOT_FOUND", exact);
    await expectTrpcError(
      a.owner.api.partnership.scorecard({ workspaceSlug: b.slug, partnershipId: b.partnershipA.id }),
      "NOT_FOUND",
      exact,
    );
    await expectTrpcError(a.owner.api.portfolio.overview({ workspaceSlug: b.slug }), "NOT_FOUND", exact);
    await expectTrpcError(a.owner.api.member.remove({ workspaceSlug: b.slug, memberId: b.manager.member.id }), "NOT_FOUND", exact);
    await expectTrpcError(a.owner.api.invitation.revoke({ workspaceSlug: b.slug, invitationId: "x" }), "NOT_FOUND", exact);
    await expectTrpcError(a.owner.api.cycle.close({ workspaceSlug: b.slug, cycleId: b.cycle.id }), "NOT_FOUND", exact);
    await expectTrpcError(a.owner.api.workspace.current({ workspaceSlug: "no-such-workspace-anywhere" }), "NOT_FOUND", exact);
    expect(await snapshotOf(b)).toEqual(before);
  });
});

describe("a removed member", () => {
  it("loses access at once, while their responses stay", async () => {
    const w = await buildWorld();
    const { responseId } = await w.contactA.api.response.submit({
      workspaceSlug: w.slug,
      cycleId: w.cycle.id,
      partnershipId: w.partnershipA.id,
      answers: await fullAnswers(w.cycle.id, 4),
      comments: [],
    });
    // Works before removal.
    expect(await w.contactA.api.partnership.list({ workspaceSlug: w.slug })).toHaveLength(1);

    await w.admin.api.member.remove({ workspaceSlug: w.slug, memberId: w.contactA.member.id });

    await expectTrpcError(w.contactA.api.partnership.list({ workspaceSlug: w.slug }), "NOT_FOUND", /^Workspace not found\.$/);
    await expectTrpcError(
      w.contactA.api.partnership.scorecard({ workspaceSlug: w.slug, partnershipId: w.partnershipA.id }),
      "NOT_FOUND",
      /^Workspace not found\.$/,
    );
    expect(await w.contactA.api.workspace.mine()).toEqual([]);

    const response = await db().response.findFirstOrThrow({ where: { id: responseId } });
    expect(response.memberId).toBe(w.contactA.member.id);
    expect(await db().answer.count({ where: { responseId } })).toBe(16);
    const member = await db().member.findFirstOrThrow({ where: { id: w.contactA.member.id } });
    expect(member.removedAt).toBeInstanceOf(Date);
    // Their answers keep counting: stored in the figures, and counted on the scorecard (one
    // response is too few for the figures themselves to show).
    const card = await w.manager.api.partnership.scorecard({ workspaceSlug: w.slug, partnershipId: w.partnershipA.id });
    expect(card.withheld.map((c) => [c.cycleLabel, c.responses])).toEqual([[w.cycle.label, 1]]);
    const stored = await db().partnershipCycleScore.findFirstOrThrow({ where: { partnershipId: w.partnershipA.id, cycleId: w.cycle.id } });
    expect([stored.hostResponses, stored.partnerResponses, stored.health]).toEqual([0, 1, 75]);
  });

  it("in one workspace keeps access to another workspace they belong to", async () => {
    const a = await buildWorld();
    const b = await buildWorld();
    // a's manager is also an executive of b.
    await db().member.create({ data: { workspaceId: b.workspace.id, userId: a.manager.user.id, role: "EXECUTIVE" } });
    await a.owner.api.member.remove({ workspaceSlug: a.slug, memberId: a.manager.member.id });
    await expectTrpcError(a.manager.api.partnership.list({ workspaceSlug: a.slug }), "NOT_FOUND");
    const inB = await a.manager.api.workspace.current({ workspaceSlug: b.slug });
    expect(inB.role).toBe("EXECUTIVE");
    expect((await a.manager.api.workspace.mine()).map((m) => m.slug)).toEqual([b.slug]);
  });
});

describe("stored scores", () => {
  it("of B never reach A's scorecard or portfolio", async () => {
    const { a, b } = await twoWorlds();
    await createResponses(db(), b.workspace.id, [
      { cycleId: b.cycle.id, partnershipId: b.partnershipA.id, memberId: b.contactA.member.id, side: "PARTNER", answers: 5 },
    ]);
    const overview = await a.owner.api.portfolio.overview({ workspaceSlug: a.slug });
    expect(overview.rows.every((r) => r.health === null)).toBe(true);
    // Nobody in A has answered: no cycle of A is a column (B's answers would have made one).
    expect(overview.series).toEqual([]);
  });
});
