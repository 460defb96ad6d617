// The value-exchange retrospective through the tRPC caller: its steps in order, hidden items
// before the reveal, the vote limits under concurrency, actions from the top "Start doing" items
// owned from either side, the summary and its emails, and who may do what.
import { describe, expect, it } from "vitest";
import { addMember } from "../../prisma/factories";
import { keyOf, buildWorld, callerFor, db, expectTrpcError } from "./helpers";

type World = Awaited<ReturnType<typeof buildWorld>>;
type Person = World["manager"];
type List = "GOING_WELL" | "STOP_DOING" | "START_DOING";

const DAY_MS = 24 * 60 * 60 * 1000;
const inDays = (n: number) => new Date(Date.now() + n * DAY_MS).toISOString().slice(0, 10);

// The world, with people who can be told apart by name.
async function world() {
  const w = await buildWorld();
  await db().user.update({ where: { id: w.manager.user.id }, data: { name: "Mona Manager" } });
  await db().user.update({ where: { id: w.contactA.user.id }, data: { name: "Carl Contact" } });
  return w;
}

async function open(w: World, by: Person = w.manager) {
  const { retroId } = await by.api.retro.open({
    workspaceSlug: w.slug,
    partnershipId: w.partnershipA.id,
    groundRules: "Be kind, be specific.",
  });
  return retroId;
}

const view = (w: World, who: Person, retroId: string) => who.api.retro.get({ workspaceSlug: w.slug, retroId });

async function advance(w: World, retroId: string, who: Person = w.manager) {
  const { retro } = await view(w, who, retroId);
  return who.api.retro.advance({ workspaceSlug: w.slug, retroId, version: retro.version });
}

const add = async (w: World, who: Person, retroId: string, list: List, text: string) =>
  (await who.api.retro.addItem({ workspaceSlug: w.slug, retroId, list, text })).id;

const voteFor = (w: World, who: Person, itemId: string) => who.api.retro.vote({ workspaceSlug: w.slug, itemId });

async function listOf(w: World, who: Person, retroId: string, list: List) {
  const v = await view(w, who, retroId);
  return v.lists.find((l) => l.list === list)!;
}

// A retro revealed for voting, with four Going well and two Stop doing items.
async function revealed(w: World) {
  const retroId = await open(w);
  const well = [
    await add(w, w.manager, retroId, "GOING_WELL", "Joint pipeline reviews"),
    await add(w, w.contactA, retroId, "GOING_WELL", "Fast answers from support"),
    await add(w, w.manager, retroId, "GOING_WELL", "Shared roadmap"),
    await add(w, w.contactA, retroId, "GOING_WELL", "Co-marketing budget"),
  ];
  const stop = [
    await add(w, w.contactA, retroId, "STOP_DOING", "Late price lists"),
    await add(w, w.manager, retroId, "STOP_DOING", "Surprise escalations"),
  ];
  await advance(w, retroId);
  return { retroId, well, stop };
}

// A retro whose Start doing voting has closed: three actions from the top three of four items.
async function assigning(w: World) {
  const { retroId } = await revealed(w);
  await advance(w, retroId); // voting closed -> proposing
  const start = [
    await add(w, w.manager, retroId, "START_DOING", "Monthly joint forecast"),
    await add(w, w.contactA, retroId, "START_DOING", "Named escalation contacts"),
    await add(w, w.manager, retroId, "START_DOING", "Quarterly executive sponsor call"),
    await add(w, w.contactA, retroId, "START_DOING", "Shared deal room"),
  ];
  await advance(w, retroId); // -> start voting
  for (const i of [start[0]!, start[1]!, start[2]!]) await voteFor(w, w.manager, i);
  for (const i of [start[0]!, start[1]!, start[3]!]) await voteFor(w, w.contactA, i);
  await advance(w, retroId); // -> assigning
  // Made in one step, so in the order of the items they came from.
  const made = await db().action.findMany({ where: { retroId } });
  const actions = made.sort((a, b) => start.indexOf(a.retroItemId!) - start.indexOf(b.retroItemId!));
  return { retroId, start, actions };
}

describe("phases", () => {
  it("run in order, one step per click, and refuse a click from a stale page", async () => {
    const w = await world();
    const retroId = await open(w);
    let v = await view(w, w.manager, retroId);
    expect(v.retro.phase).toBe("GATHERING");
    expect(v.retro.groundRules).toBe("Be kind, be specific.");
    const first = v.retro.version;

    const seen: string[] = [v.retro.phase];
    await add(w, w.manager, retroId, "GOING_WELL", "Good");
    for (let step = 0; step < 2; step++) seen.push((await advance(w, retroId)).phase);
    await add(w, w.contactA, retroId, "START_DOING", "Something new");
    for (let step = 0; step < 3; step++) seen.push((await advance(w, retroId)).phase);
    expect(seen).toEqual(["GATHERING", "VOTING", "PROPOSING", "START_VOTING", "ASSIGNING", "CLOSED"]);

    await expectTrpcError(
      w.manager.api.retro.advance({ workspaceSlug: w.slug, retroId, version: first }),
      "CONFLICT",
      /moved this retro on/,
    );
    v = await view(w, w.manager, retroId);
    await expectTrpcError(
      w.manager.api.retro.advance({ workspaceSlug: w.slug, retroId, version: v.retro.version }),
      "BAD_REQUEST",
      /closed/,
    );
    expect(v.retro.closedAt).not.toBeNull();
  });

  it("take one step when the facilitator clicks twice at once", async () => {
    const w = await world();
    const retroId = await open(w);
    const results = await Promise.allSettled([
      w.manager.api.retro.advance({ workspaceSlug: w.slug, retroId, version: 1 }),
      w.admin.api.retro.advance({ workspaceSlug: w.slug, retroId, version: 1 }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const stored = await db().retro.findFirstOrThrow({ where: { id: retroId } });
    expect(stored).toMatchObject({ phase: "VOTING", version: 2 });
  });

  it("need at least one Start doing item before voting on them", async () => {
    const w = await world();
    const retroId = await open(w);
    await advance(w, retroId);
    await advance(w, retroId);
    await expectTrpcError(advance(w, retroId), "BAD_REQUEST", /Start doing item/);
  });

  it("are run by the facilitator only", async () => {
    const w = await world();
    const retroId = await open(w);
    await expectTrpcError(w.contactA.api.retro.advance({ workspaceSlug: w.slug, retroId, version: 1 }), "FORBIDDEN");
    await expectTrpcError(
      w.contactA.api.retro.open({ workspaceSlug: w.slug, partnershipId: w.partnershipA.id, groundRules: "x" }),
      "FORBIDDEN",
    );
    // An admin steps in for an absent owner.
    expect((await w.admin.api.retro.advance({ workspaceSlug: w.slug, retroId, version: 1 })).phase).toBe("VOTING");
  });

  it("open one retro per partnership and cycle, even when opened twice at once", async () => {
    const w = await world();
    const input = { workspaceSlug: w.slug, partnershipId: w.partnershipA.id, groundRules: "Rules" };
    const results = await Promise.allSettled([w.manager.api.retro.open(input), w.admin.api.retro.open(input)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect((refused.reason as { code: string }).code).toBe("CONFLICT");
    expect(await db().retro.count({ where: { partnershipId: w.partnershipA.id } })).toBe(1);
    await expectTrpcError(w.manager.api.retro.open(input), "CONFLICT", /already been opened/);

    const list = await w.contactA.api.retro.list({ workspaceSlug: w.slug, partnershipId: w.partnershipA.id });
    expect(list.retros).toHaveLength(1);
    expect(list.retros[0]).toMatchObject({ cycleId: w.cycle.id, phase: "GATHERING" });
    expect(list.viewer).toEqual({ canWrite: true, canFacilitate: false });
  });

  it("refuse empty ground rules", async () => {
    const w = await world();
    await expectTrpcError(
      w.manager.api.retro.open({ workspaceSlug: w.slug, partnershipId: w.partnershipA.id, groundRules: "   " }),
      "BAD_REQUEST",
      /ground rules/,
    );
    expect(await db().retro.count({ where: { partnershipId: w.partnershipA.id } })).toBe(0);
  });
});

describe("items before the reveal", () => {
  it("are seen only by their authors; everyone sees the counts", async () => {
    const w = await world();
    const retroId = await open(w);
    await add(w, w.manager, retroId, "GOING_WELL", "Manager's secret praise");
    await add(w, w.contactA, retroId, "GOING_WELL", "Contact's secret praise");
    await add(w, w.contactA, retroId, "STOP_DOING", "Contact's secret gripe");

    const asContact = await view(w, w.contactA, retroId);
    const asManager = await view(w, w.manager, retroId);
    const asExec = await view(w, w.executive, retroId);
    expect(JSON.stringify(asContact)).not.toContain("Manager's secret");
    expect(JSON.stringify(asManager)).not.toContain("Contact's secret");
    expect(JSON.stringify(asExec)).not.toContain("secret");
    const well = (v: typeof asContact) => v.lists.find((l) => l.list === "GOING_WELL")!;
    expect(well(asContact).items.map((i) => i.text)).toEqual(["Contact's secret praise"]);
    expect(well(asManager).items.map((i) => i.text)).toEqual(["Manager's secret praise"]);
    expect(well(asContact).count).toBe(2);
    expect(well(asExec).count).toBe(2);
    expect(asManager.lists.find((l) => l.list === "STOP_DOING")!.count).toBe(1);

    await advance(w, retroId);
    const after = await view(w, w.contactA, retroId);
    expect(
      well(after)
        .items.map((i) => i.text)
        .sort(),
    ).toEqual(["Contact's secret praise", "Manager's secret praise"]);
    // Confidential mode: the side, never the name.
    const managers = well(after).items.find((i) => i.text === "Manager's secret praise")!;
    expect(managers.author).toBe(w.workspace.name);
    expect(JSON.stringify(after.lists)).not.toContain("Mona Manager");
  });

  it("carry their author's name in an attributed workspace", async () => {
    const w = await world();
    await db().workspace.update({ where: { id: w.workspace.id }, data: { surveyMode: "ATTRIBUTED" } });
    const { retroId } = await revealed(w);
    const items = (await listOf(w, w.contactA, retroId, "GOING_WELL")).items;
    expect(items.find((i) => i.text === "Shared roadmap")!.author).toBe(`Mona Manager (${w.workspace.name})`);
    expect(items.find((i) => i.text === "Co-marketing budget")!.author).toBe(`Carl Contact (${w.orgA.name})`);
  });

  it("are edited and withdrawn by their author only, and only until the reveal", async () => {
    const w = await world();
    const retroId = await open(w);
    const mine = await add(w, w.contactA, retroId, "GOING_WELL", "Frist draft");
    const gone = await add(w, w.contactA, retroId, "STOP_DOING", "Second thoughts");
    const theirs = await add(w, w.manager, retroId, "GOING_WELL", "Manager's");

    await w.contactA.api.retro.editItem({ workspaceSlug: w.slug, itemId: mine, text: "First draft" });
    await w.contactA.api.retro.withdrawItem({ workspaceSlug: w.slug, itemId: gone });
    await expectTrpcError(w.contactA.api.retro.editItem({ workspaceSlug: w.slug, itemId: theirs, text: "Hijacked" }), "FORBIDDEN");
    await expectTrpcError(w.manager.api.retro.withdrawItem({ workspaceSlug: w.slug, itemId: mine }), "FORBIDDEN");
    await expectTrpcError(w.contactA.api.retro.editItem({ workspaceSlug: w.slug, itemId: mine, text: " " }), "BAD_REQUEST");
    expect((await db().retroItem.findFirstOrThrow({ where: { id: mine } })).text).toBe("First draft");
    expect(await db().retroItem.count({ where: { id: gone } })).toBe(0);
    expect((await db().retroItem.findFirstOrThrow({ where: { id: theirs } })).text).toBe("Manager's");

    await advance(w, retroId);
    await expectTrpcError(
      w.contactA.api.retro.editItem({ workspaceSlug: w.slug, itemId: mine, text: "Late" }),
      "BAD_REQUEST",
      /before the reveal/,
    );
    await expectTrpcError(w.contactA.api.retro.withdrawItem({ workspaceSlug: w.slug, itemId: mine }), "BAD_REQUEST");
    await expectTrpcError(add(w, w.contactA, retroId, "GOING_WELL", "Too late"), "BAD_REQUEST");
    await expectTrpcError(add(w, w.contactA, retroId, "START_DOING", "Too early"), "BAD_REQUEST", /while proposing/);
    expect((await db().retroItem.findFirstOrThrow({ where: { id: mine } })).text).toBe("First draft");
  });
});

describe("votes", () => {
  it("are three per person per list; a fourth is refused while another list still takes votes", async () => {
    const w = await world();
    const { retroId, well, stop } = await revealed(w);
    for (const i of well.slice(0, 3)) await voteFor(w, w.contactA, i);
    expect((await listOf(w, w.contactA, retroId, "GOING_WELL")).votesLeft).toBe(0);
    await expectTrpcError(
      voteFor(w, w.contactA, well[3]!),
      "BAD_REQUEST",
      /You have used your 3 votes on Going well; move one to vote here\./,
    );
    await expectTrpcError(voteFor(w, w.contactA, well[0]!), "BAD_REQUEST", /already voted/);
    expect(await voteFor(w, w.contactA, stop[0]!)).toEqual({ list: "STOP_DOING", votesLeft: 2 });
    const v = await view(w, w.contactA, retroId);
    expect(v.viewer.votesLeft).toEqual({ GOING_WELL: 0, STOP_DOING: 2, START_DOING: 3 });
    // The others' counts stay hidden while voting is open; one's own votes show.
    const items = v.lists.find((l) => l.list === "GOING_WELL")!.items;
    expect(items.every((i) => i.votes === null)).toBe(true);
    expect(items.filter((i) => i.votedByMe)).toHaveLength(3);
    expect(await db().retroVote.count({ where: { retroId, memberId: w.contactA.member.id, list: "GOING_WELL" } })).toBe(3);
  });

  it("sent at once beyond the limit leave exactly three", async () => {
    const w = await world();
    const { retroId } = await revealed(w);
    const more = [
      await db().retroItem.create({
        data: { workspaceId: w.workspace.id, retroId, list: "GOING_WELL", text: "Fifth", authorId: w.manager.member.id },
      }),
      await db().retroItem.create({
        data: { workspaceId: w.workspace.id, retroId, list: "GOING_WELL", text: "Sixth", authorId: w.manager.member.id },
      }),
    ];
    const well = (await listOf(w, w.contactA, retroId, "GOING_WELL")).items.map((i) => i.id);
    await voteFor(w, w.contactA, well[0]!);
    await voteFor(w, w.contactA, well[1]!);
    const results = await Promise.allSettled([voteFor(w, w.contactA, more[0]!.id), voteFor(w, w.contactA, more[1]!.id)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db().retroVote.count({ where: { retroId, memberId: w.contactA.member.id, list: "GOING_WELL" } })).toBe(3);
  });

  it("move from one item to another in one step, and are removed", async () => {
    const w = await world();
    const { retroId, well, stop } = await revealed(w);
    for (const i of well.slice(0, 3)) await voteFor(w, w.manager, i);
    const moved = await w.manager.api.retro.moveVote({ workspaceSlug: w.slug, itemId: well[0]!, toItemId: well[3]! });
    expect(moved).toEqual({ list: "GOING_WELL", votesLeft: 0 });
    const mine = await db().retroVote.findMany({ where: { retroId, memberId: w.manager.member.id }, select: { itemId: true } });
    expect(mine.map((v) => v.itemId).sort()).toEqual([well[1]!, well[2]!, well[3]!].sort());
    await expectTrpcError(
      w.manager.api.retro.moveVote({ workspaceSlug: w.slug, itemId: well[1]!, toItemId: stop[0]! }),
      "BAD_REQUEST",
      /same list/,
    );
    await expectTrpcError(w.manager.api.retro.moveVote({ workspaceSlug: w.slug, itemId: well[0]!, toItemId: well[1]! }), "BAD_REQUEST");
    await w.manager.api.retro.unvote({ workspaceSlug: w.slug, itemId: well[1]! });
    expect((await listOf(w, w.manager, retroId, "GOING_WELL")).votesLeft).toBe(1);
    expect(await db().retroVote.count({ where: { retroId, memberId: w.manager.member.id } })).toBe(2);
  });

  it("are refused once voting has closed, and the top three show with their counts", async () => {
    const w = await world();
    const { retroId, well } = await revealed(w);
    const contactA2 = await addMember(db(), w.workspace.id, { role: "PARTNER", partnerOrgId: w.orgA.id });
    const other = { ...contactA2, api: callerFor(contactA2.user.id) };
    // Votes: well[3] 3, well[1] 2, well[2] 2 (written after well[1]), well[0] 1.
    for (const i of [well[3]!, well[1]!, well[0]!]) await voteFor(w, w.manager, i);
    for (const i of [well[3]!, well[1]!, well[2]!]) await voteFor(w, w.contactA, i);
    for (const i of [well[3]!, well[2]!]) await voteFor(w, other, i);
    await advance(w, retroId);

    await expectTrpcError(voteFor(w, other, well[0]!), "BAD_REQUEST", /not open/);
    await expectTrpcError(w.manager.api.retro.unvote({ workspaceSlug: w.slug, itemId: well[0]! }), "BAD_REQUEST", /not open/);
    await expectTrpcError(w.manager.api.retro.moveVote({ workspaceSlug: w.slug, itemId: well[0]!, toItemId: well[2]! }), "BAD_REQUEST");
    const items = (await listOf(w, w.contactA, retroId, "GOING_WELL")).items;
    const byId = new Map(items.map((i) => [i.id, i]));
    expect([well[3], well[1], well[2], well[0]].map((id) => [byId.get(id!)!.votes, byId.get(id!)!.rank])).toEqual([
      [3, 1],
      [2, 2],
      [2, 3],
      [1, null],
    ]);
    // A Stop doing item nobody voted for is not a "top" item.
    expect((await listOf(w, w.contactA, retroId, "STOP_DOING")).items.every((i) => i.rank === null)).toBe(true);
  });
});

describe("actions from Start doing", () => {
  it("are made from the top three items, without an owner, in the closing step", async () => {
    const w = await world();
    const { retroId, start, actions } = await assigning(w);
    expect(actions.map((a) => a.retroItemId)).toEqual([start[0], start[1], start[2]]);
    expect(actions.map((a) => a.title)).toEqual([
      "Monthly joint forecast",
      "Named escalation contacts",
      "Quarterly executive sponsor call",
    ]);
    for (const a of actions) {
      expect(a).toMatchObject({ partnershipId: w.partnershipA.id, cycleId: w.cycle.id, retroId, ownerMemberId: null, dueDate: null });
      expect(await db().actionEvent.count({ where: { actionId: a.id } })).toBe(1);
    }
    const v = await view(w, w.contactA, retroId);
    expect(v.actions.map((a) => a.canVolunteer)).toEqual([true, true, true]);
    expect(v.lists.find((l) => l.list === "START_DOING")!.items.map((i) => i.votes)).toEqual([2, 2, 1, 1]);
  });

  it("are owned by volunteers from either side, with a date and a pillar", async () => {
    const w = await world();
    const { retroId, actions } = await assigning(w);
    const [a0, a1, a2] = actions;
    const pillars = (await view(w, w.contactA, retroId)).pillars;
    expect(pillars.length).toBeGreaterThan(0);

    await w.contactA.api.retro.volunteer({ workspaceSlug: w.slug, actionId: a0!.id, dueDate: inDays(30), pillarKey: pillars[0]!.key });
    await w.manager.api.retro.volunteer({ workspaceSlug: w.slug, actionId: a1!.id, dueDate: inDays(45) });
    await expectTrpcError(
      w.manager.api.retro.volunteer({ workspaceSlug: w.slug, actionId: a0!.id, dueDate: inDays(10) }),
      "CONFLICT",
      /Already taken by Carl Contact/,
    );
    await expectTrpcError(
      w.manager.api.retro.volunteer({ workspaceSlug: w.slug, actionId: a2!.id, dueDate: "2020-01-01" }),
      "BAD_REQUEST",
      /today or later/,
    );
    await expectTrpcError(
      w.manager.api.retro.volunteer({ workspaceSlug: w.slug, actionId: a2!.id, dueDate: inDays(5), pillarKey: "nonsense" }),
      "BAD_REQUEST",
      /pillars/,
    );
    await expectTrpcError(w.executive.api.retro.volunteer({ workspaceSlug: w.slug, actionId: a2!.id, dueDate: inDays(5) }), "FORBIDDEN");

    const v = await view(w, w.manager, retroId);
    expect(v.actions.map((a) => [a.ownerName, a.ownerSide, a.dueDate?.toISOString().slice(0, 10) ?? null])).toEqual([
      ["Carl Contact", w.orgA.name, inDays(30)],
      ["Mona Manager", w.workspace.name, inDays(45)],
      [null, null, null],
    ]);
    expect(v.actions[0]!.pillarName).toBe(pillars[0]!.name);
    const events = await db().actionEvent.findMany({ where: { actionId: a0!.id }, orderBy: { at: "asc" } });
    expect(events).toHaveLength(2);
    expect(events[1]!.memberId).toBe(w.contactA.member.id);
    expect(events[1]!.changes).toMatchObject({ owner: [null, w.contactA.member.id], dueDate: [null, inDays(30)] });
    const attendees = await db().retroAttendee.findMany({ where: { retroId } });
    expect(attendees.map((a) => [a.memberId, a.side]).sort()).toEqual(
      [
        [w.manager.member.id, "HOST"],
        [w.contactA.member.id, "PARTNER"],
      ].sort(),
    );
  });

  it("go to exactly one of two people volunteering at once", async () => {
    const w = await world();
    const { actions } = await assigning(w);
    const actionId = actions[0]!.id;
    const results = await Promise.allSettled([
      w.manager.api.retro.volunteer({ workspaceSlug: w.slug, actionId, dueDate: inDays(7) }),
      w.contactA.api.retro.volunteer({ workspaceSlug: w.slug, actionId, dueDate: inDays(8) }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const loser = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect((loser.reason as { code: string }).code).toBe("CONFLICT");
    expect((loser.reason as Error).message).toMatch(/Already taken by (Mona Manager|Carl Contact)/);
    const stored = await db().action.findFirstOrThrow({ where: { id: actionId } });
    expect([w.manager.member.id, w.contactA.member.id]).toContain(stored.ownerMemberId);
    expect(await db().actionEvent.count({ where: { actionId } })).toBe(2);
  });

  it("can be assigned by the facilitator to someone of either side, guarded by the action's version", async () => {
    const w = await world();
    const { retroId, actions } = await assigning(w);
    const v = await view(w, w.manager, retroId);
    expect(v.people.map((p) => p.memberId).sort()).toEqual([w.manager.member.id, w.contactA.member.id].sort());
    const a = v.actions[0]!;
    await w.manager.api.retro.assign({
      workspaceSlug: w.slug,
      actionId: a.id,
      memberId: w.contactA.member.id,
      dueDate: inDays(20),
      version: a.version,
    });
    await expectTrpcError(
      w.manager.api.retro.assign({
        workspaceSlug: w.slug,
        actionId: a.id,
        memberId: w.manager.member.id,
        dueDate: inDays(20),
        version: a.version,
      }),
      "CONFLICT",
      /Someone else changed this action/,
    );
    await expectTrpcError(
      w.manager.api.retro.assign({
        workspaceSlug: w.slug,
        actionId: actions[1]!.id,
        memberId: w.contactB.member.id,
        dueDate: inDays(20),
        version: 1,
      }),
      "BAD_REQUEST",
      /works on this partnership/,
    );
    await expectTrpcError(
      w.contactA.api.retro.assign({
        workspaceSlug: w.slug,
        actionId: actions[1]!.id,
        memberId: w.contactA.member.id,
        dueDate: inDays(20),
        version: 1,
      }),
      "FORBIDDEN",
    );
    expect((await db().action.findFirstOrThrow({ where: { id: a.id } })).ownerMemberId).toBe(w.contactA.member.id);
  });
});

describe("closing", () => {
  it("needs every action owned and dated, then sums up and emails everyone once", async () => {
    const w = await world();
    const { retroId, actions } = await assigning(w);
    await w.contactA.api.retro.volunteer({ workspaceSlug: w.slug, actionId: actions[0]!.id, dueDate: inDays(30) });
    await w.manager.api.retro.volunteer({ workspaceSlug: w.slug, actionId: actions[1]!.id, dueDate: inDays(40) });
    await expectTrpcError(advance(w, retroId), "BAD_REQUEST", /owner and a by-when date.*Quarterly executive sponsor call/);
    expect(await db().outboxEmail.count({ where: { workspaceId: w.workspace.id, kind: "RETRO_SUMMARY" } })).toBe(0);
    await w.contactA.api.retro.volunteer({ workspaceSlug: w.slug, actionId: actions[2]!.id, dueDate: inDays(50) });
    expect((await advance(w, retroId)).phase).toBe("CLOSED");

    await expectTrpcError(
      w.manager.api.retro.assign({
        workspaceSlug: w.slug,
        actionId: actions[0]!.id,
        memberId: w.manager.member.id,
        dueDate: inDays(9),
        version: 2,
      }),
      "BAD_REQUEST",
      /while assigning/,
    );

    const v = await view(w, w.contactA, retroId);
    const summary = v.summary!;
    expect(summary.lists.map((l) => [l.label, l.top.length])).toEqual([
      ["Going well", 0],
      ["Stop doing", 0],
      ["Start doing", 3],
    ]);
    expect(summary.lists[2]!.top[0]).toEqual({ text: "Monthly joint forecast", votes: 2 });
    expect(summary.actions).toEqual([
      { title: "Monthly joint forecast", owner: "Carl Contact", side: w.orgA.name, dueDate: inDays(30), pillar: null },
      { title: "Named escalation contacts", owner: "Mona Manager", side: w.workspace.name, dueDate: inDays(40), pillar: null },
      { title: "Quarterly executive sponsor call", owner: "Carl Contact", side: w.orgA.name, dueDate: inDays(50), pillar: null },
    ]);
    expect(summary.attendees).toEqual([
      { name: "Mona Manager", side: w.workspace.name },
      { name: "Carl Contact", side: w.orgA.name },
    ]);
    const exported = await w.executive.api.retro.summary({ workspaceSlug: w.slug, retroId });
    expect(exported.summary).toEqual(summary);

    const emails = await db().outboxEmail.findMany({ where: { workspaceId: w.workspace.id, kind: "RETRO_SUMMARY" } });
    expect(emails.map((e) => e.to).sort()).toEqual([w.manager.user.email, w.contactA.user.email].sort());
    for (const e of emails) {
      expect(e.link).toContain(`/w/${w.slug}/partnerships/${w.partnershipA.id}/retro/${retroId}`);
      expect(e.text).toContain("Named escalation contacts: Mona Manager");
      expect(e.text).toContain("Carl Contact");
    }
  });

  it("emails an admin who stepped in and a team member who did not take part", async () => {
    const w = await world();
    const teammate = await addMember(db(), w.workspace.id, { role: "MANAGER" });
    await db().partnershipTeamMember.create({
      data: { workspaceId: w.workspace.id, partnershipId: w.partnershipA.id, memberId: teammate.member.id },
    });
    const retroId = await open(w, w.admin);
    await advance(w, retroId, w.admin);
    await advance(w, retroId, w.admin);
    await add(w, w.contactA, retroId, "START_DOING", "Only idea");
    await advance(w, retroId, w.admin);
    await advance(w, retroId, w.admin); // nobody voted: no actions
    expect(await db().action.count({ where: { retroId } })).toBe(0);
    await advance(w, retroId, w.admin);
    const emails = await db().outboxEmail.findMany({ where: { workspaceId: w.workspace.id, kind: "RETRO_SUMMARY" } });
    expect(emails.map((e) => e.to).sort()).toEqual(
      [w.admin.user.email, w.manager.user.email, w.contactA.user.email, teammate.user.email].sort(),
    );
  });

  it("has no summary to export before it closes", async () => {
    const w = await world();
    const retroId = await open(w);
    await expectTrpcError(w.manager.api.retro.summary({ workspaceSlug: w.slug, retroId }), "BAD_REQUEST", /once the facilitator closes/);
  });
});

describe("access", () => {
  it("lets executives read but not write", async () => {
    const w = await world();
    const { retroId, well } = await revealed(w);
    const v = await view(w, w.executive, retroId);
    expect(v.viewer).toMatchObject({ canWrite: false, canFacilitate: false });
    expect(v.lists.every((l) => !l.canAdd && !l.canVote)).toBe(true);
    await expectTrpcError(voteFor(w, w.executive, well[0]!), "FORBIDDEN");
    await expectTrpcError(
      w.executive.api.retro.open({ workspaceSlug: w.slug, partnershipId: w.partnershipB.id, groundRules: "x" }),
      "FORBIDDEN",
    );
    await expectTrpcError(w.executive.api.retro.advance({ workspaceSlug: w.slug, retroId, version: v.retro.version }), "FORBIDDEN");
    expect(await db().retroVote.count({ where: { retroId } })).toBe(0);
  });

  it("hides a retro from another organisation's contact as if it did not exist", async () => {
    const w = await world();
    const { retroId, well } = await revealed(w);
    await expectTrpcError(view(w, w.contactB, retroId), "NOT_FOUND");
    await expectTrpcError(w.contactB.api.retro.list({ workspaceSlug: w.slug, partnershipId: w.partnershipA.id }), "NOT_FOUND");
    await expectTrpcError(voteFor(w, w.contactB, well[0]!), "NOT_FOUND");
    await expectTrpcError(w.contactB.api.retro.summary({ workspaceSlug: w.slug, retroId }), "NOT_FOUND");
    await expectTrpcError(view(w, w.contactA, "no-such-retro"), "NOT_FOUND");
  });

  it("refuses a manager who neither owns nor works on the partnership, and keeps its retros' ids to itself", async () => {
    const w = await world();
    const { retroId } = await revealed(w);
    const outsider = await addMember(db(), w.workspace.id, { role: "MANAGER" });
    const api = callerFor(outsider.user.id);
    // The partnership is known to them (they see its scorecard): its work is forbidden.
    await expectTrpcError(api.retro.list({ workspaceSlug: w.slug, partnershipId: w.partnershipA.id }), "FORBIDDEN");
    // A retro of it, by its id, answers like a made-up id: nothing tells which ids exist.
    await expectTrpcError(api.retro.get({ workspaceSlug: w.slug, retroId }), "NOT_FOUND", /^Retro not found\.$/);
    await expectTrpcError(api.retro.get({ workspaceSlug: w.slug, retroId: "made-up" }), "NOT_FOUND", /^Retro not found\.$/);
    await expectTrpcError(api.retro.addItem({ workspaceSlug: w.slug, retroId, list: "GOING_WELL", text: "x" }), "NOT_FOUND");
  });

  it("keeps an archived partnership's retro readable and refuses every write", async () => {
    const w = await world();
    const retroId = await open(w);
    const item = await add(w, w.contactA, retroId, "GOING_WELL", "Before archiving");
    await db().partnership.update({ where: keyOf(w.partnershipA), data: { archivedAt: new Date() } });
    await expectTrpcError(add(w, w.contactA, retroId, "GOING_WELL", "After"), "BAD_REQUEST", /archived/);
    await expectTrpcError(
      w.contactA.api.retro.editItem({ workspaceSlug: w.slug, itemId: item, text: "Edited" }),
      "BAD_REQUEST",
      /archived/,
    );
    await expectTrpcError(w.manager.api.retro.advance({ workspaceSlug: w.slug, retroId, version: 1 }), "BAD_REQUEST", /archived/);
    const v = await view(w, w.contactA, retroId);
    expect(v.viewer).toMatchObject({ canWrite: false, canFacilitate: false });
    expect(v.lists[0]!.items.map((i) => i.text)).toEqual(["Before archiving"]);
    expect(await db().retroItem.count({ where: { retroId } })).toBe(1);
  });

  it("gives the scorecard its retro links, and none to a manager not on the partnership", async () => {
    const w = await world();
    const retroId = await open(w);
    const input = { workspaceSlug: w.slug, partnershipId: w.partnershipA.id };
    const work = await w.manager.api.partnership.scorecardWork(input);
    expect(work?.retros).toEqual([{ cycleId: w.cycle.id, cycleLabel: w.cycle.label, retroId, phase: "GATHERING" }]);
    const outsider = await addMember(db(), w.workspace.id, { role: "MANAGER" });
    expect(await callerFor(outsider.user.id).partnership.scorecardWork(input)).toBeNull();
  });
});
