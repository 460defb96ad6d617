// Who is asked: the defaults, adjustments by hand, what they allow and refuse, and the response
// rate that follows from them.
import { describe, expect, it } from "vitest";
import { addMember, createCycle, unique } from "../../prisma/factories";
import { buildWorld, callerFor, db, expectTrpcError, fullAnswers } from "./helpers";

const entry = (w: Awaited<ReturnType<typeof buildWorld>>, memberId: string, partnershipId = w.partnershipA.id, cycleId = w.cycle.id) => ({
  workspaceSlug: w.slug,
  cycleId,
  partnershipId,
  memberId,
});

describe("cycle participants", () => {
  it("default to the owner, the host team and the partner's contacts, and are listed per partnership", async () => {
    const w = await buildWorld();
    const list = await w.executive.api.participant.list({ workspaceSlug: w.slug, cycleId: w.cycle.id });
    const a = list.partnerships.find((p) => p.id === w.partnershipA.id)!;
    expect(a.participants.map((p) => [p.name, p.side, p.excluded])).toEqual([
      [w.manager.user.name, "HOST", false],
      [w.contactA.user.name, "PARTNER", false],
    ]);
    // The executive may look, not change; the owning manager may change.
    expect(a.mayEdit).toBe(false);
    const managerView = await w.manager.api.participant.list({ workspaceSlug: w.slug, cycleId: w.cycle.id });
    expect(managerView.partnerships.find((p) => p.id === w.partnershipA.id)!.mayEdit).toBe(true);
  });

  it("can be adjusted by an admin or the owning manager, and a person taken off stays off when the cycle opens", async () => {
    const w = await buildWorld();
    const draft = await w.admin.api.cycle.create({ workspaceSlug: w.slug, label: "Next", opensAt: "2030-01-01", closesAt: "2030-12-31" });
    await w.admin.api.participant.add(entry(w, w.admin.member.id, w.partnershipA.id, draft.id));
    await w.manager.api.participant.remove(entry(w, w.contactA.member.id, w.partnershipA.id, draft.id));
    // One cycle open at a time: the world's closes first.
    await w.admin.api.cycle.close({ workspaceSlug: w.slug, cycleId: w.cycle.id });
    await w.admin.api.cycle.open({ workspaceSlug: w.slug, cycleId: draft.id });
    const rows = await db().cycleParticipant.findMany({ where: { cycleId: draft.id, partnershipId: w.partnershipA.id } });
    expect(rows.map((r) => [r.memberId, r.excluded, r.manual]).sort()).toEqual(
      [
        [w.admin.member.id, false, true],
        [w.contactA.member.id, true, true],
        [w.manager.member.id, false, false],
      ].sort(),
    );
    // Taken off: not asked, and refused when answering anyway.
    expect((await w.contactA.api.response.owed({ workspaceSlug: w.slug })).some((s) => s.cycleId === draft.id)).toBe(false);
    await expectTrpcError(
      w.contactA.api.response.submit({
        workspaceSlug: w.slug,
        cycleId: draft.id,
        partnershipId: w.partnershipA.id,
        answers: await fullAnswers(draft.id),
        comments: [],
      }),
      "FORBIDDEN",
    );
    // Added: asked, and may answer.
    expect((await w.admin.api.response.owed({ workspaceSlug: w.slug })).map((s) => s.cycleId)).toContain(draft.id);
    await w.admin.api.response.submit({
      workspaceSlug: w.slug,
      cycleId: draft.id,
      partnershipId: w.partnershipA.id,
      answers: await fullAnswers(draft.id),
      comments: [],
    });
  });

  it("refuses changes that break the rules, writing nothing", async () => {
    const w = await buildWorld();
    const otherManager = await addMember(db(), w.workspace.id, { role: "MANAGER" });
    const before = await db().cycleParticipant.findMany({ where: { cycleId: w.cycle.id } });
    await expectTrpcError(w.executive.api.participant.add(entry(w, w.admin.member.id)), "FORBIDDEN");
    await expectTrpcError(w.contactA.api.participant.remove(entry(w, w.contactA.member.id)), "FORBIDDEN");
    // A manager who does not own the partnership.
    await expectTrpcError(
      callerFor(otherManager.user.id).participant.add(entry(w, otherManager.member.id)),
      "FORBIDDEN",
      /owner or an admin/,
    );
    await expectTrpcError(w.admin.api.participant.add(entry(w, w.executive.member.id)), "BAD_REQUEST", /Executives/);
    await expectTrpcError(w.admin.api.participant.add(entry(w, w.contactB.member.id)), "BAD_REQUEST", /partner organisation/);
    const closed = await createCycle(db(), w.workspace.id, {
      status: "CLOSED",
      opensAt: new Date("2020-01-01"),
      closesAt: new Date("2020-02-01"),
    });
    await expectTrpcError(w.admin.api.participant.add(entry(w, w.admin.member.id, w.partnershipA.id, closed.id)), "BAD_REQUEST", /closed/);
    expect(await db().cycleParticipant.findMany({ where: { cycleId: w.cycle.id } })).toEqual(before);
  });
});

describe("joining mid-cycle", () => {
  it("asks a partner contact who accepts an invitation while a cycle is open, and the owner of a new partnership", async () => {
    const w = await buildWorld();
    const email = `${unique("late.joiner")}@example.test`.toLowerCase();
    const invite = await w.admin.api.invitation.create({
      workspaceSlug: w.slug,
      email,
      role: "PARTNER",
      partnerOrgId: w.orgA.id,
    });
    await callerFor(null).invitation.accept({
      token: invite.path.split("/").pop()!,
      name: "Late Joiner",
      password: "late-joiner-password",
    });
    const joiner = await db().member.findFirstOrThrow({
      where: { workspaceId: w.workspace.id, user: { email } },
    });
    expect(await db().cycleParticipant.findMany({ where: { cycleId: w.cycle.id, memberId: joiner.id } })).toMatchObject([
      { partnershipId: w.partnershipA.id, side: "PARTNER", excluded: false },
    ]);

    const created = await w.admin.api.partnership.create({
      workspaceSlug: w.slug,
      partnerOrgId: w.orgB.id,
      name: "Mid-cycle partnership",
      ownerMemberId: w.admin.member.id,
      tier: "CORE",
      phase: "ACTIVE",
    });
    const asked = await db().cycleParticipant.findMany({ where: { cycleId: w.cycle.id, partnershipId: created.id } });
    expect(asked.map((p) => [p.memberId, p.side]).sort()).toEqual(
      [
        [w.admin.member.id, "HOST"],
        [w.contactB.member.id, "PARTNER"],
      ].sort(),
    );
  });
});

describe("response rates", () => {
  it("count answered against asked, per partnership and side and for the whole cycle, live", async () => {
    const w = await buildWorld();
    const extra = await addMember(db(), w.workspace.id, { role: "PARTNER", partnerOrgId: w.orgA.id });
    await w.admin.api.participant.add(entry(w, extra.member.id));
    const rates = () => w.manager.api.cycle.get({ workspaceSlug: w.slug, cycleId: w.cycle.id }).then((c) => c.rates);

    expect((await rates()).total).toEqual({ asked: 5, answered: 0, percent: 0 });
    await w.contactA.api.response.submit({
      workspaceSlug: w.slug,
      cycleId: w.cycle.id,
      partnershipId: w.partnershipA.id,
      answers: await fullAnswers(w.cycle.id),
      comments: [],
    });
    await w.manager.api.response.submit({
      workspaceSlug: w.slug,
      cycleId: w.cycle.id,
      partnershipId: w.partnershipA.id,
      answers: await fullAnswers(w.cycle.id),
      comments: [],
    });

    const after = await rates();
    expect(after.total).toEqual({ asked: 5, answered: 2, percent: 40 });
    expect(after.host).toEqual({ asked: 2, answered: 1, percent: 50 });
    expect(after.partner).toEqual({ asked: 3, answered: 1, percent: 33 });
    expect(after.partnerships.find((p) => p.id === w.partnershipA.id)).toMatchObject({
      host: { asked: 1, answered: 1, percent: 100 },
      partner: { asked: 2, answered: 1, percent: 50 },
    });

    // Someone taken off the list no longer counts as asked.
    await w.admin.api.participant.remove(entry(w, extra.member.id));
    expect((await rates()).partner).toEqual({ asked: 2, answered: 1, percent: 50 });
    // Partner contacts do not see the program's rates.
    await expectTrpcError(w.contactA.api.cycle.get({ workspaceSlug: w.slug, cycleId: w.cycle.id }), "FORBIDDEN");

    // The cycle list shows the same total, counted in one statement; a partner contact's list
    // counts only their own organisation's partnership (A: its owner and contactA, both answered).
    const listed = (api: typeof w.manager.api) =>
      api.cycle.list({ workspaceSlug: w.slug }).then((l) => l.find((c) => c.id === w.cycle.id)!.rate);
    expect(await listed(w.manager.api)).toEqual((await rates()).total);
    expect(await listed(w.contactA.api)).toEqual({ asked: 2, answered: 2, percent: 100 });
  });
});
