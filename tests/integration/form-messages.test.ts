// Bad input comes back as the browser receives it: a sentence per field, by the field's input path,
// and a summary that is neither "Invalid input" nor a path; and nothing is written. Through the
// app's own HTTP handler and superjson, as the forms send it.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { createContextFor } from "../../server/trpc/context";
import { appRouter } from "../../server/trpc/root";
import { buildWorld, db } from "./helpers";

type World = Awaited<ReturnType<typeof buildWorld>>;

interface Answer {
  status: number;
  message: string;
  fieldErrors: Record<string, string> | null;
}

async function send(userId: string, path: string, input: unknown): Promise<Answer> {
  const req = new Request(`http://localhost/api/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(superjson.serialize(input)),
  });
  const res = await fetchRequestHandler({ endpoint: "/api/trpc", req, router: appRouter, createContext: () => createContextFor(userId) });
  const json = (await res.json()) as { error?: { json: { message: string; data: { fieldErrors: Record<string, string> | null } } } };
  return { status: res.status, message: json.error?.json.message ?? "", fieldErrors: json.error?.json.data.fieldErrors ?? null };
}

const DAY = 86_400_000;
const ymd = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
const shortDay = (iso: string) =>
  new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${iso}T00:00:00Z`),
  );

// Developer wording that must never reach a person.
const DEVELOPER = /Invalid input|Invalid option|Too small|Too big|expected|received|dueDate|ownerMemberId|progress:/;

async function counts(w: World) {
  const where = { workspaceId: w.workspace.id };
  return {
    actions: await db().action.count({ where }),
    goals: await db().goal.count({ where }),
    checkIns: await db().goalCheckIn.count({ where }),
    orgs: await db().partnerOrg.count({ where }),
    cycles: await db().cycle.count({ where }),
  };
}

const action = (w: World, over: Record<string, unknown>) => ({
  workspaceSlug: w.slug,
  partnershipId: w.partnershipA.id,
  title: "Share the joint pipeline every Monday",
  ownerMemberId: w.contactA.member.id,
  dueDate: ymd(14),
  ...over,
});

const goal = (w: World, over: Record<string, unknown>) => ({
  workspaceSlug: w.slug,
  partnershipId: w.partnershipA.id,
  title: "Grow the joint pipeline",
  measure: "Qualified joint opportunities",
  unit: "opportunities",
  targetValue: 40,
  dueDate: ymd(90),
  ...over,
});

describe("form messages", () => {
  it("an empty action title is a sentence beside the title, and nothing is added", async () => {
    const w = await buildWorld();
    const before = await counts(w);
    const answer = await send(w.manager.user.id, "action.create", action(w, { title: "   " }));
    expect(answer.status).toBe(400);
    expect(answer.fieldErrors).toEqual({ title: "Say what will be done." });
    expect(answer.message).toBe("Say what will be done.");
    expect(await counts(w)).toEqual(before);
  });

  it("several goal problems come back one per field, and the summary names no field", async () => {
    const w = await buildWorld();
    const before = await counts(w);
    const answer = await send(w.manager.user.id, "goal.create", goal(w, { title: "", measure: "", dueDate: "2026-02-30" }));
    expect(answer.status).toBe(400);
    expect(answer.fieldErrors).toEqual({
      title: "Say what the goal is.",
      measure: "Say how progress is measured.",
      dueDate: "That is not a real date.",
    });
    expect(answer.message).toMatch(/^3 entries need a change: /);
    expect(answer.message).not.toMatch(DEVELOPER);
    expect(await counts(w)).toEqual(before);
  });

  it("a check-in's measured value that is missing or absurd is said in words", async () => {
    const w = await buildWorld();
    const { id: goalId } = await w.manager.api.goal.create(goal(w, {}));
    const before = await counts(w);
    const tooLarge = await send(w.manager.user.id, "goal.checkIn", {
      workspaceSlug: w.slug,
      goalId,
      cycleId: w.cycle.id,
      value: 1e16,
      note: "",
    });
    expect(tooLarge.fieldErrors).toEqual({ value: "The measured value is too large to be right." });
    expect(tooLarge.message).not.toMatch(DEVELOPER);
    const missing = await send(w.manager.user.id, "goal.checkIn", {
      workspaceSlug: w.slug,
      goalId,
      cycleId: w.cycle.id,
      value: Number.NaN,
    });
    expect(missing.fieldErrors).toEqual({ value: "Give the measured value as a number." });
    expect(await counts(w)).toEqual(before);
  });

  it("a goal's measure without a target, or with a target equal to its start, is said beside the field", async () => {
    const w = await buildWorld();
    const before = await counts(w);
    const missing = await send(w.manager.user.id, "goal.create", goal(w, { targetValue: Number.NaN, unit: "x".repeat(21) }));
    expect(missing.fieldErrors).toEqual({
      targetValue: "Give the target as a number.",
      unit: "Keep the unit short: 20 characters or fewer, such as $, deals or %.",
    });
    const same = await send(w.manager.user.id, "goal.create", goal(w, { startValue: 40, targetValue: 40 }));
    expect(same.status).toBe(400);
    expect(same.fieldErrors).toEqual({
      targetValue: "The target must differ from the start value, or there is no way to measure progress.",
    });
    expect(await counts(w)).toEqual(before);
  });

  it("a due date in the past is refused for a new action and a new goal, with the date and what to do", async () => {
    const w = await buildWorld();
    const before = await counts(w);
    const past = ymd(-30);
    const sentence = `The due date ${shortDay(past)} is in the past; pick today or later.`;
    const a = await send(w.manager.user.id, "action.create", action(w, { dueDate: past }));
    expect(a).toEqual({ status: 400, message: sentence, fieldErrors: { dueDate: sentence } });
    const g = await send(w.manager.user.id, "goal.create", goal(w, { startDate: ymd(-60), dueDate: past }));
    expect(g).toEqual({ status: 400, message: sentence, fieldErrors: { dueDate: sentence } });
    expect(await counts(w)).toEqual(before);

    // Today is fine, and so is yesterday (still today west of UTC); moving an action's date into
    // the past is refused the same way.
    const today = await w.manager.api.action.create(action(w, { dueDate: ymd(0) }));
    await w.manager.api.action.create(action(w, { dueDate: ymd(-1) }));
    const moved = await send(w.manager.user.id, "action.update", { workspaceSlug: w.slug, actionId: today.id, version: 1, dueDate: past });
    expect(moved.fieldErrors).toEqual({ dueDate: sentence });
    const kept = await db().action.findFirstOrThrow({ where: { id: today.id } });
    expect(kept.dueDate?.toISOString().slice(0, 10)).toBe(ymd(0));
  });

  it("a service's refusal about one field comes back beside it: an owner from outside, a label taken", async () => {
    const w = await buildWorld();
    const before = await counts(w);
    const owner = await send(w.manager.user.id, "goal.create", goal(w, { hostOwnerId: w.contactA.member.id }));
    expect(owner.fieldErrors).toEqual({ hostOwnerId: "Choose someone from your own organisation." });
    const label = await send(w.admin.user.id, "cycle.create", {
      workspaceSlug: w.slug,
      label: w.cycle.label,
      opensAt: ymd(100),
      closesAt: ymd(120),
    });
    expect(label.status).toBe(409);
    expect(label.fieldErrors).toEqual({ label: `A cycle labelled "${w.cycle.label}" already exists. Choose another label.` });
    const org = await send(w.admin.user.id, "partnerOrg.create", { workspaceSlug: w.slug, name: "" });
    expect(org.fieldErrors).toEqual({ name: "Enter the organisation's name." });
    expect(await counts(w)).toEqual(before);
  });
});
