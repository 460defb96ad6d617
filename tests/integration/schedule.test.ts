// The schedule job on the real database: every step exactly once, however often and however
// concurrently it runs. Each test moves the clock into its own future quarter and limits the
// job to its own workspace, so parallel tests never see each other's cycles.
import { forWorkspace } from "../../server/db/tenant";
import { describe, expect, it } from "vitest";
import { runSchedule } from "../../server/services/schedule";
import { buildWorld, db, fullAnswers, appDb, keyOf } from "./helpers";

const at = (iso: string) => new Date(iso);

async function scheduledWorld(
  settings: { cadence?: "MONTHLY" | "QUARTERLY" | "HALF_YEARLY"; cycleOpenDay?: number; cycleLengthDays?: number } = {},
) {
  const w = await buildWorld();
  await db().workspace.update({
    where: { id: w.workspace.id },
    data: { autoSchedule: true, cycleOpenDay: 1, cycleLengthDays: 21, ...settings },
  });
  // The world's own open cycle is not part of these stories.
  await db().cycle.update({ where: keyOf(w.cycle), data: { status: "CLOSED" } });
  const run = (iso: string) => runSchedule(forWorkspace(appDb(), w.workspace.id), at(iso));
  const cycle = (label: string) => db().cycle.findUniqueOrThrow({ where: { workspaceId_label: { workspaceId: w.workspace.id, label } } });
  const emails = (kind?: "SURVEY_OPEN" | "REMINDER") =>
    db().outboxEmail.findMany({ where: { workspaceId: w.workspace.id, ...(kind ? { kind } : {}) }, orderBy: { to: "asc" } });
  return { w, run, cycle, emails };
}

describe("the schedule job", () => {
  it("creates, opens and reminds once when run twice in a row", async () => {
    const { w, run, cycle, emails } = await scheduledWorld();
    const first = await run("2031-01-01T09:00:00Z");
    const second = await run("2031-01-01T09:01:00Z");

    expect(first.created).toEqual([`${w.slug}/2031-Q1`]);
    expect(first.opened).toEqual([`${w.slug}/2031-Q1`]);
    expect(second).toEqual({ created: [], opened: [], closed: [], reminders: 0 });

    const q1 = await cycle("2031-Q1");
    expect(q1).toMatchObject({
      status: "OPEN",
      scheduled: true,
      opensAt: at("2031-01-01T00:00:00Z"),
      closesAt: at("2031-01-22T00:00:00Z"),
    });
    expect(q1.openedAt).toEqual(at("2031-01-01T09:00:00Z"));

    // The defaults are asked: the manager owns both partnerships; each organisation's contact.
    const participants = await db().cycleParticipant.findMany({ where: { cycleId: q1.id }, orderBy: [{ side: "asc" }] });
    expect(participants.map((p) => [p.memberId, p.partnershipId, p.side]).sort()).toEqual(
      [
        [w.manager.member.id, w.partnershipA.id, "HOST"],
        [w.manager.member.id, w.partnershipB.id, "HOST"],
        [w.contactA.member.id, w.partnershipA.id, "PARTNER"],
        [w.contactB.member.id, w.partnershipB.id, "PARTNER"],
      ].sort(),
    );

    // One survey-open notice per person (the manager once, for both partnerships).
    const notices = await emails("SURVEY_OPEN");
    expect(notices.map((e) => e.to).sort()).toEqual([w.manager.user.email, w.contactA.user.email, w.contactB.user.email].sort());
    expect(first.reminders).toBe(3);
    const managerNotice = notices.find((e) => e.to === w.manager.user.email)!;
    expect(managerNotice.text).toContain(w.partnershipA.name);
    expect(managerNotice.text).toContain(w.partnershipB.name);
    // Each carries its recipient's personal link (tests/integration/survey-link.test.ts).
    expect(managerNotice.link).toMatch(/\/s\/[A-Za-z0-9_-]{43}$/);
    expect(managerNotice.text).toContain(managerNotice.link);
  });

  it("does each step exactly once when runs race", async () => {
    const { w, run, cycle, emails } = await scheduledWorld();
    const results = await Promise.all([run("2032-04-01T09:00:00Z"), run("2032-04-01T09:00:00Z"), run("2032-04-01T09:00:00Z")]);
    expect(results.flatMap((r) => r.created)).toEqual([`${w.slug}/2032-Q2`]);
    expect(results.flatMap((r) => r.opened)).toEqual([`${w.slug}/2032-Q2`]);
    expect(results.reduce((n, r) => n + r.reminders, 0)).toBe(3);
    const q2 = await cycle("2032-Q2");
    expect(await db().reminderSent.count({ where: { cycleId: q2.id } })).toBe(3);
    expect(await emails()).toHaveLength(3);
    // A personal link is made with its email: the runs that lost the race made none.
    expect(await db().surveyLink.count({ where: { cycleId: q2.id } })).toBe(3);

    const closing = await Promise.all([run("2032-04-22T00:00:00Z"), run("2032-04-22T00:00:00Z")]);
    expect(closing.flatMap((r) => r.closed)).toEqual([`${w.slug}/2032-Q2`]);
    expect(await cycle("2032-Q2")).toMatchObject({ status: "CLOSED", closedAt: at("2032-04-22T00:00:00Z") });
  });

  it("reminds those who have not answered and have not muted, 7 days in and 2 days before close", async () => {
    const { w, run, cycle, emails } = await scheduledWorld();
    await run("2033-07-01T09:00:00Z");
    const q3 = await cycle("2033-Q3");

    // Contact A answers; contact B mutes reminders for this cycle.
    await w.contactA.api.response.submit({
      workspaceSlug: w.slug,
      cycleId: q3.id,
      partnershipId: w.partnershipA.id,
      answers: await fullAnswers(q3.id, 4),
      comments: [],
    });
    await db().reminderMute.create({ data: { workspaceId: w.workspace.id, cycleId: q3.id, memberId: w.contactB.member.id } });

    expect((await run("2033-07-05T09:00:00Z")).reminders).toBe(0); // still the first week: the opening notice went out already
    expect((await run("2033-07-08T09:00:00Z")).reminders).toBe(1);
    expect((await run("2033-07-09T09:00:00Z")).reminders).toBe(0);
    expect((await run("2033-07-20T09:00:00Z")).reminders).toBe(1);
    const reminders = await emails("REMINDER");
    expect(reminders.map((e) => e.to)).toEqual([w.manager.user.email, w.manager.user.email]);
    expect(reminders.map((e) => e.subject).join(" | ")).toMatch(/2033-Q3/);

    const kinds = await db().reminderSent.findMany({ where: { cycleId: q3.id } });
    expect(kinds.map((k) => `${k.kind} ${k.memberId}`).sort()).toEqual(
      [
        `OPENED ${w.manager.member.id}`,
        `OPENED ${w.contactA.member.id}`,
        `OPENED ${w.contactB.member.id}`,
        `WEEK_IN ${w.manager.member.id}`,
        `CLOSING_SOON ${w.manager.member.id}`,
      ].sort(),
    );
  });

  it("sends only the latest reminder due when the job was down", async () => {
    const { w, run, cycle } = await scheduledWorld();
    // First run 19 days into the window: the cycle opens late, so its week counts from now...
    await run("2034-01-19T09:00:00Z");
    const q1 = await cycle("2034-Q1");
    // ...but it closes in under 2 days' time from the 20th, so that is the one reminder due.
    await run("2034-01-20T09:00:00Z");
    const sent = await db().reminderSent.findMany({ where: { cycleId: q1.id, memberId: w.manager.member.id } });
    expect(sent.map((s) => s.kind).sort()).toEqual(["CLOSING_SOON", "OPENED"]);
  });

  it("leaves workspaces whose schedule is off alone, but still reminds about cycles opened by hand", async () => {
    const { w, run, emails } = await scheduledWorld();
    await db().workspace.update({ where: { id: w.workspace.id }, data: { autoSchedule: false } });
    expect(await run("2035-01-02T00:00:00Z")).toEqual({ created: [], opened: [], closed: [], reminders: 0 });
    expect(await db().cycle.count({ where: { workspaceId: w.workspace.id, label: "2035-Q1" } })).toBe(0);

    const manual = await w.admin.api.cycle.create({ workspaceSlug: w.slug, label: "Pilot", opensAt: "2035-01-01", closesAt: "2035-02-01" });
    await db().cycle.update({ where: keyOf(manual), data: { status: "OPEN", openedAt: at("2035-01-01T00:00:00Z") } });
    expect((await run("2035-01-02T00:00:00Z")).reminders).toBe(3);
    expect(await emails("SURVEY_OPEN")).toHaveLength(3);
  });

  it("does not create a window that has already ended, and follows the cadence", async () => {
    const { w, run } = await scheduledWorld({ cadence: "MONTHLY", cycleOpenDay: 3, cycleLengthDays: 10 });
    expect((await run("2036-05-20T00:00:00Z")).created).toEqual([]);
    expect((await run("2036-06-02T00:00:00Z")).created).toEqual([`${w.slug}/2036-06`]);
    const june = await db().cycle.findUniqueOrThrow({ where: { workspaceId_label: { workspaceId: w.workspace.id, label: "2036-06" } } });
    // Created ahead of its window, as a draft; it opens when the window starts.
    expect(june).toMatchObject({ status: "DRAFT", opensAt: at("2036-06-03T00:00:00Z"), closesAt: at("2036-06-13T00:00:00Z") });
    expect((await run("2036-06-03T00:00:01Z")).opened).toEqual([`${w.slug}/2036-06`]);
  });
});
