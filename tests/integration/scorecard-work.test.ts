// The scorecard's work section: each pillar's change beside the actions done for it since the
// previous scored cycle, the actions still open, and each cycle's retro; and who sees it.
import { describe, expect, it } from "vitest";
import { addMember, createResponses } from "../../prisma/factories";
import { buildWorld, callerFor, closedQuarter, db, expectTrpcError } from "./helpers";

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

// Two people a side in each cycle: four responses, enough (threshold 3) for the figures to show.
async function scoredWorld() {
  const w = await buildWorld();
  const past = await closedQuarter(w.workspace.id, "2020-Q3");
  const contact2 = await addMember(db(), w.workspace.id, { role: "PARTNER", partnerOrgId: w.orgA.id });
  const people = [w.manager.member.id, w.owner.member.id, w.contactA.member.id, contact2.member.id];
  const specs = [past, w.cycle].flatMap((cycle, i) =>
    people.map((memberId, j) => ({
      cycleId: cycle.id,
      partnershipId: w.partnershipA.id,
      memberId,
      side: (j < 2 ? "HOST" : "PARTNER") as "HOST" | "PARTNER",
      // Every statement "neutral" (50) in the past quarter, "agree" (75) now.
      answers: i === 0 ? 3 : 4,
    })),
  );
  await createResponses(db(), w.workspace.id, specs);
  return { ...w, past };
}

describe("the scorecard's work section", () => {
  it("sets each pillar's actions done since the previous cycle beside it, and lists the open ones", async () => {
    const w = await scoredWorld();
    const input = { workspaceSlug: w.slug, partnershipId: w.partnershipA.id };
    const make = (title: string, pillarKey: string | null, ownerMemberId: string) =>
      w.manager.api.action.create({ ...input, title, pillarKey, ownerMemberId, dueDate: day(14) });
    const trust = await make("Share the pricing calendar", "trust", w.contactA.member.id);
    const coordination = await make("Fortnightly pipeline review", "coordination", w.manager.member.id);
    const dropped = await make("Swap playbooks", "coordination", w.manager.member.id);
    const before = await make("Old kickoff", "trust", w.manager.member.id);
    await make("Quarterly sponsor call", "commitment", w.contactA.member.id);

    // The partner's contact finishes theirs; the manager finishes one and drops another.
    await w.contactA.api.action.update({ workspaceSlug: w.slug, actionId: trust.id, version: trust.version, status: "DONE" });
    await w.manager.api.action.update({ workspaceSlug: w.slug, actionId: coordination.id, version: coordination.version, status: "DONE" });
    await w.manager.api.action.update({ workspaceSlug: w.slug, actionId: dropped.id, version: dropped.version, status: "DROPPED" });
    // Done before the previous cycle closed: it could not have moved this cycle's answers.
    await db().action.update({
      where: { workspaceId_id: { workspaceId: w.workspace.id, id: before.id } },
      data: { status: "DONE", doneAt: new Date("2020-07-10T00:00:00Z") },
    });

    const work = (await w.manager.api.partnership.scorecardWork(input))!;
    expect(work.cycleLabel).toBe(w.cycle.label);
    expect(work.sinceLabel).toBe("2020-Q3");
    const done = Object.fromEntries(work.doneByPillar.map((g) => [g.pillarKey, g.actions.map((a) => a.title)]));
    expect(done).toEqual({ trust: ["Share the pricing calendar"], coordination: ["Fortnightly pipeline review"] });
    expect(work.doneByPillar.find((g) => g.pillarKey === "trust")!.actions[0]!.ownerName).toBe("Test Person");

    expect(work.openActions.map((a) => [a.title, a.ownerSide, a.overdue])).toEqual([["Quarterly sponsor call", "PARTNER", false]]);

    // The scorecard's pillar change is the one the page puts beside them.
    const card = await w.manager.api.partnership.scorecard(input);
    expect(card.pillars.find((p) => p.key === "trust")!.change).toBe(25);
  });

  it("links each cycle's retro", async () => {
    const w = await scoredWorld();
    const input = { workspaceSlug: w.slug, partnershipId: w.partnershipA.id };
    const { retroId } = await w.manager.api.retro.open({ ...input, cycleId: w.cycle.id, groundRules: "Be kind." });
    const work = (await w.contactA.api.partnership.scorecardWork(input))!;
    expect(work.retros).toEqual([{ cycleId: w.cycle.id, cycleLabel: w.cycle.label, retroId, phase: "GATHERING" }]);
  });

  it("shows to the partnership's people and executives, not to a manager who does not work on it", async () => {
    const w = await scoredWorld();
    const input = { workspaceSlug: w.slug, partnershipId: w.partnershipA.id };
    await w.manager.api.action.create({
      ...input,
      title: "Joint plan",
      pillarKey: null,
      ownerMemberId: w.contactA.member.id,
      dueDate: day(7),
    });
    for (const who of [w.owner, w.admin, w.manager, w.executive, w.contactA]) {
      const work = await who.api.partnership.scorecardWork(input);
      expect(work?.openActions.map((a) => a.title)).toEqual(["Joint plan"]);
    }
    const other = await addMember(db(), w.workspace.id, { role: "MANAGER" });
    const otherApi = callerFor(other.user.id);
    expect(await otherApi.partnership.scorecardWork(input)).toBeNull();
    // ...who still sees the scorecard itself.
    expect((await otherApi.partnership.scorecard(input)).partnership.id).toBe(w.partnershipA.id);
    await expectTrpcError(w.contactB.api.partnership.scorecardWork(input), "NOT_FOUND");
  });
});
