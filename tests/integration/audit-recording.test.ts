// The audit log records every workspace event, through the procedures as each role calls them:
// who did it, what it was about (with before and after for settings), when, and from which
// address. A record is written in the change's own transaction: a refused change records nothing,
// and a change whose record cannot be written does not happen.
import { describe, expect, it } from "vitest";
import { createUser, unique } from "../../prisma/factories";
import { acceptInvitation, callerAt, tokenOf, workspaceEvents, type World } from "./audit-helpers";
import { buildWorld, db, expectTrpcError } from "./helpers";

const ADMIN_AT = "198.51.100.7";
const INVITEE_AT = "203.0.113.40";

const SURVEY_DEFAULTS = {
  cadence: "QUARTERLY",
  cycleOpenDay: 1,
  cycleLengthDays: 21,
  autoSchedule: true,
  confidentialityThreshold: 3,
  surveyMode: "CONFIDENTIAL",
} as const;
const SHARING_DEFAULTS = {
  partnerSeesScores: true,
  partnerSeesTrends: true,
  partnerSeesComments: true,
  partnerSeesSides: false,
  partnerSeesStatements: false,
};

const adminApi = (w: World) => callerAt(w.admin.user.id, ADMIN_AT);

async function invite(w: World, email = `${unique("invitee")}@example.test`, role: "MANAGER" | "PARTNER" = "MANAGER") {
  const created = await adminApi(w).invitation.create({
    workspaceSlug: w.slug,
    email,
    role,
    partnerOrgId: role === "PARTNER" ? w.orgA.id : undefined,
  });
  return { ...created, token: tokenOf(created.path) };
}

describe("invitations", () => {
  it("records an invitation sent, by whom, to whom, with which role, from which address", async () => {
    const w = await buildWorld();
    const { id, email } = await invite(w, undefined, "PARTNER");
    const [event] = await workspaceEvents(w.workspace.id, "invitation.sent");
    expect(event).toMatchObject({
      actorUserId: w.admin.user.id,
      userId: null,
      email,
      address: ADMIN_AT,
      target: `${email} as Partner contact (${w.orgA.name})`,
    });
    expect(event!.detail).toMatchObject({ invitationId: id, role: "PARTNER", partnerOrg: w.orgA.name });
    expect(event!.createdAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it("says when a new invitation replaced a pending one", async () => {
    const w = await buildWorld();
    const email = `${unique("twice")}@example.test`;
    await invite(w, email);
    await invite(w, email);
    const sent = await workspaceEvents(w.workspace.id, "invitation.sent");
    expect(sent.map((e) => (e.detail as { replaced?: number }).replaced)).toEqual([undefined, 1]);
  });

  it("records a revocation, and a refused one records nothing", async () => {
    const w = await buildWorld();
    const { id, email } = await invite(w);
    await adminApi(w).invitation.revoke({ workspaceSlug: w.slug, invitationId: id });
    const [event] = await workspaceEvents(w.workspace.id, "invitation.revoked");
    expect(event).toMatchObject({ actorUserId: w.admin.user.id, email, address: ADMIN_AT, target: `${email} as Alliance manager` });

    await expectTrpcError(adminApi(w).invitation.revoke({ workspaceSlug: w.slug, invitationId: id }), "NOT_FOUND");
    await expectTrpcError(
      callerAt(w.manager.user.id, ADMIN_AT).invitation.create({ workspaceSlug: w.slug, email: "x@example.test", role: "MANAGER" }),
      "FORBIDDEN",
    );
    expect(await workspaceEvents(w.workspace.id, "invitation.revoked")).toHaveLength(1);
    expect(await workspaceEvents(w.workspace.id, "invitation.sent")).toHaveLength(1);
  });

  it("records the acceptance by the invitee, new or with an account, from their address", async () => {
    const w = await buildWorld();
    const fresh = await invite(w);
    await acceptInvitation(fresh.token, INVITEE_AT, { newAccount: true, name: "Nora Newcomer" });
    const nora = await db().user.findUniqueOrThrow({ where: { email: fresh.email } });

    const existing = await createUser(db());
    const second = await invite(w, existing.email);
    await acceptInvitation(second.token, INVITEE_AT, { userId: existing.id });

    const accepted = await workspaceEvents(w.workspace.id, "invitation.accepted");
    expect(accepted.map((e) => ({ userId: e.userId, actorUserId: e.actorUserId, email: e.email, address: e.address }))).toEqual([
      { userId: nora.id, actorUserId: nora.id, email: fresh.email, address: INVITEE_AT },
      { userId: existing.id, actorUserId: existing.id, email: existing.email, address: INVITEE_AT },
    ]);
    expect(accepted[0]!.target).toBe(`${fresh.email} joined as Alliance manager`);

    // A link used twice is refused the second time, and records nothing more.
    await expectTrpcError(acceptInvitation(fresh.token, INVITEE_AT, { newAccount: true, name: "Nora Again" }), "BAD_REQUEST");
    expect(await workspaceEvents(w.workspace.id, "invitation.accepted")).toHaveLength(2);
  });
});

describe("member changes", () => {
  it("records a role change with the role before and after, about whom, by whom, from where", async () => {
    const w = await buildWorld();
    await adminApi(w).member.changeRole({
      workspaceSlug: w.slug,
      memberId: w.contactA.member.id,
      role: "PARTNER",
      partnerOrgId: w.orgB.id,
    });
    await adminApi(w).member.changeRole({ workspaceSlug: w.slug, memberId: w.executive.member.id, role: "MANAGER" });
    const events = await workspaceEvents(w.workspace.id, "member.role_changed");
    expect(events.map((e) => ({ userId: e.userId, actorUserId: e.actorUserId, address: e.address }))).toEqual([
      { userId: w.contactA.user.id, actorUserId: w.admin.user.id, address: ADMIN_AT },
      { userId: w.executive.user.id, actorUserId: w.admin.user.id, address: ADMIN_AT },
    ]);
    expect(events[0]!.detail).toMatchObject({
      before: { role: "PARTNER", partnerOrg: w.orgA.name },
      after: { role: "PARTNER", partnerOrg: w.orgB.name },
    });
    expect(events[1]!.target).toBe(`${w.executive.user.name} (${w.executive.user.email}): Executive → Alliance manager`);
  });

  it("records a removal with what followed for what the person held", async () => {
    const w = await buildWorld();
    // The manager owns both partnerships: removing them clears both.
    await adminApi(w).member.remove({ workspaceSlug: w.slug, memberId: w.manager.member.id });
    const [event] = await workspaceEvents(w.workspace.id, "member.removed");
    expect(event).toMatchObject({
      userId: w.manager.user.id,
      actorUserId: w.admin.user.id,
      address: ADMIN_AT,
      email: w.manager.user.email,
    });
    expect(event!.detail).toMatchObject({
      before: { role: "MANAGER", partnerOrg: null },
      after: null,
      effects: { ownershipCleared: 2 },
    });
  });

  it("records nothing for a refused change, nor for a role the member already has", async () => {
    const w = await buildWorld();
    // Only an owner may make someone an owner; the last owner cannot be removed.
    await expectTrpcError(
      adminApi(w).member.changeRole({ workspaceSlug: w.slug, memberId: w.manager.member.id, role: "OWNER" }),
      "FORBIDDEN",
    );
    await expectTrpcError(
      callerAt(w.owner.user.id, ADMIN_AT).member.remove({ workspaceSlug: w.slug, memberId: w.owner.member.id }),
      "BAD_REQUEST",
    );
    await adminApi(w).member.changeRole({ workspaceSlug: w.slug, memberId: w.manager.member.id, role: "MANAGER" });
    expect(await workspaceEvents(w.workspace.id)).toEqual([]);
  });
});

describe("settings and sharing", () => {
  it("records each settings change with only what changed, before and after", async () => {
    const w = await buildWorld();
    const api = adminApi(w);
    await api.workspace.updateSettings({
      workspaceSlug: w.slug,
      ...SURVEY_DEFAULTS,
      confidentialityThreshold: 5,
      surveyMode: "ATTRIBUTED",
    });
    await api.workspace.updateRenewalSettings({ workspaceSlug: w.slug, renewalReviewDays: 90 });
    const events = await workspaceEvents(w.workspace.id, "settings.updated");
    expect(events.map((e) => e.detail)).toEqual([
      { changes: { confidentialityThreshold: [3, 5], surveyMode: ["CONFIDENTIAL", "ATTRIBUTED"] } },
      { changes: { renewalReviewDays: [60, 90] } },
    ]);
    expect(events[0]).toMatchObject({
      actorUserId: w.admin.user.id,
      address: ADMIN_AT,
      target: "Responses needed per side: 3 → 5; Survey mode: confidential → attributed",
    });
    expect(events[1]!.target).toBe("Renewal review opens (days before): 60 → 90");

    // Saving the same settings again changes nothing, and records nothing.
    await api.workspace.updateSettings({
      workspaceSlug: w.slug,
      ...SURVEY_DEFAULTS,
      confidentialityThreshold: 5,
      surveyMode: "ATTRIBUTED",
    });
    expect(await workspaceEvents(w.workspace.id, "settings.updated")).toHaveLength(2);
  });

  it("records sharing changes with before and after", async () => {
    const w = await buildWorld();
    await callerAt(w.owner.user.id, ADMIN_AT).workspace.updatePartnerSharing({
      workspaceSlug: w.slug,
      ...SHARING_DEFAULTS,
      partnerSeesSides: true,
      partnerSeesComments: false,
    });
    const [event] = await workspaceEvents(w.workspace.id, "sharing.updated");
    expect(event).toMatchObject({ actorUserId: w.owner.user.id, address: ADMIN_AT });
    expect(event!.detail).toEqual({ changes: { partnerSeesComments: [true, false], partnerSeesSides: [false, true] } });
    expect(event!.target).toBe("Partners see comments: on → off; Partners see each side's scores and the gaps: off → on");
  });

  it("refuses a settings change from a non-admin and records nothing", async () => {
    const w = await buildWorld();
    await expectTrpcError(
      callerAt(w.manager.user.id, ADMIN_AT).workspace.updateSettings({
        workspaceSlug: w.slug,
        ...SURVEY_DEFAULTS,
        confidentialityThreshold: 9,
      }),
      "FORBIDDEN",
    );
    expect(await workspaceEvents(w.workspace.id)).toEqual([]);
  });

  it("makes a change and its record together: when the record cannot be written, the change is not made", async () => {
    const w = await buildWorld();
    // A trigger that refuses this workspace's settings records, for this test only.
    const fn = `audit_refuse_${w.workspace.id.replace(/[^a-z0-9]/gi, "")}`;
    await db().$executeRawUnsafe(`CREATE FUNCTION "${fn}"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW."workspaceId" = '${w.workspace.id}' THEN RAISE EXCEPTION 'refused for the test'; END IF;
        RETURN NEW;
      END; $$`);
    await db().$executeRawUnsafe(`CREATE TRIGGER "${fn}" BEFORE INSERT ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION "${fn}"()`);
    try {
      await expectTrpcError(
        adminApi(w).workspace.updateSettings({ workspaceSlug: w.slug, ...SURVEY_DEFAULTS, confidentialityThreshold: 7 }),
        "INTERNAL_SERVER_ERROR",
      );
      await expectTrpcError(adminApi(w).member.remove({ workspaceSlug: w.slug, memberId: w.executive.member.id }), "INTERNAL_SERVER_ERROR");
    } finally {
      await db().$executeRawUnsafe(`DROP TRIGGER "${fn}" ON "AuditEvent"`);
      await db().$executeRawUnsafe(`DROP FUNCTION "${fn}"()`);
    }
    const ws = await db().workspace.findUniqueOrThrow({ where: { id: w.workspace.id } });
    expect(ws.confidentialityThreshold).toBe(3);
    expect((await db().member.findFirstOrThrow({ where: { id: w.executive.member.id } })).removedAt).toBeNull();
  });
});

describe("exports", () => {
  const exportsOf = async (w: World) =>
    (await workspaceEvents(w.workspace.id, "export.downloaded")).map((e) => ({
      actorUserId: e.actorUserId,
      address: e.address,
      target: e.target,
      detail: e.detail,
    }));

  it("records the portfolio CSV once per download, with its filters", async () => {
    const w = await buildWorld();
    const api = callerAt(w.executive.user.id, ADMIN_AT);
    const first = await api.portfolio.export({ workspaceSlug: w.slug, tier: "STRATEGIC", owner: w.manager.member.id });
    if (first.next) await api.portfolio.export({ workspaceSlug: w.slug, tier: "STRATEGIC", after: first.next });
    // Later batches of the same download add nothing; a refused download records nothing.
    await api.portfolio.export({ workspaceSlug: w.slug, after: w.partnershipA.id });
    await expectTrpcError(callerAt(w.contactA.user.id, ADMIN_AT).portfolio.export({ workspaceSlug: w.slug }), "FORBIDDEN");
    expect(await exportsOf(w)).toEqual([
      {
        actorUserId: w.executive.user.id,
        address: ADMIN_AT,
        target: `Portfolio scores (CSV), filtered by tier STRATEGIC, owner ${w.manager.user.name}`,
        detail: { export: "portfolio", format: "csv", filters: { tier: "STRATEGIC", owner: w.manager.user.name } },
      },
    ]);
  });

  it("records the retro summary download in its format", async () => {
    const w = await buildWorld();
    const retro = await db().retro.create({
      data: {
        workspaceId: w.workspace.id,
        partnershipId: w.partnershipA.id,
        cycleId: w.cycle.id,
        facilitatorId: w.manager.member.id,
        groundRules: "Be kind, be specific.",
        phase: "CLOSED",
        revealedAt: new Date(),
        closedAt: new Date(),
      },
    });
    const api = callerAt(w.contactA.user.id, INVITEE_AT);
    await api.retro.summary({ workspaceSlug: w.slug, retroId: retro.id, partnershipId: w.partnershipA.id, format: "csv" });
    await api.retro.summary({ workspaceSlug: w.slug, retroId: retro.id });
    // Under another partnership's address it is not found, and not recorded.
    await expectTrpcError(
      adminApi(w).retro.summary({ workspaceSlug: w.slug, retroId: retro.id, partnershipId: w.partnershipB.id }),
      "NOT_FOUND",
    );
    const what = `Retro summary of ${w.partnershipA.name}, ${w.cycle.label}`;
    const detail = { export: "retro-summary", retroId: retro.id, partnershipId: w.partnershipA.id };
    expect(await exportsOf(w)).toEqual([
      { actorUserId: w.contactA.user.id, address: INVITEE_AT, target: `${what} (CSV)`, detail: { ...detail, format: "csv" } },
      { actorUserId: w.contactA.user.id, address: INVITEE_AT, target: `${what} (Markdown)`, detail: { ...detail, format: "markdown" } },
    ]);
  });

  it("records the partnership history CSV and the printed scorecard report", async () => {
    const w = await buildWorld();
    const api = adminApi(w);
    await api.lifecycle.history({ workspaceSlug: w.slug, partnershipId: w.partnershipA.id });
    await callerAt(w.contactA.user.id, INVITEE_AT).partnership.report({ workspaceSlug: w.slug, partnershipId: w.partnershipA.id });
    // The scorecard itself is a page, not a download.
    await api.partnership.scorecard({ workspaceSlug: w.slug, partnershipId: w.partnershipA.id });
    await expectTrpcError(
      callerAt(w.contactB.user.id, INVITEE_AT).partnership.report({ workspaceSlug: w.slug, partnershipId: w.partnershipA.id }),
      "NOT_FOUND",
    );
    expect(await exportsOf(w)).toEqual([
      {
        actorUserId: w.admin.user.id,
        address: ADMIN_AT,
        target: `History of ${w.partnershipA.name} (CSV)`,
        detail: { export: "partnership-history", format: "csv", partnershipId: w.partnershipA.id },
      },
      {
        actorUserId: w.contactA.user.id,
        address: INVITEE_AT,
        target: expect.stringMatching(new RegExp(`^Scorecard report of ${w.partnershipA.name}(, .+)? \\(print\\)$`)) as unknown as string,
        detail: { export: "scorecard-report", format: "print", partnershipId: w.partnershipA.id },
      },
    ]);
  });
});
