// One open cycle at a time, the confirmation's figures before opening, and taking back a cycle
// made or opened by mistake while nobody has answered it.
import { describe, expect, it } from "vitest";
import { createCycle, createResponses } from "../../prisma/factories";
import { forWorkspace } from "../../server/db/tenant";
import { runSchedule } from "../../server/services/schedule";
import { appDb, buildWorld, db, expectTrpcError, fullAnswers } from "./helpers";

type World = Awaited<ReturnType<typeof buildWorld>>;

const day = (n: number) => new Date(Date.now() + n * 86_400_000);
const draftCycle = (w: World, label = "Next quarter") =>
  createCycle(db(), w.workspace.id, { label, status: "DRAFT", opensAt: day(-1), closesAt: day(30) });
const statusOf = async (id: string) => (await db().cycle.findFirst({ where: { id } }))?.status ?? null;
const sendReminders = (w: World) => runSchedule(forWorkspace(appDb(), w.workspace.id));

describe("one open cycle per workspace", () => {
  it("refuses to open a second cycle, saying which is open, and changes nothing", async () => {
    const w = await buildWorld();
    const next = await draftCycle(w);
    await expectTrpcError(
      w.admin.api.cycle.open({ workspaceSlug: w.slug, cycleId: next.id }),
      "CONFLICT",
      new RegExp(`^${w.cycle.label} is open\\. Close it before opening Next quarter`),
    );
    expect(await statusOf(next.id)).toBe("DRAFT");
    // Once the open one closes, the next opens.
    await w.admin.api.cycle.close({ workspaceSlug: w.slug, cycleId: w.cycle.id });
    expect(await w.admin.api.cycle.open({ workspaceSlug: w.slug, cycleId: next.id })).toEqual({ opened: true });
    // Opening it again changes nothing (the schedule may have opened it while the admin decided).
    expect(await w.admin.api.cycle.open({ workspaceSlug: w.slug, cycleId: next.id })).toEqual({ opened: false });
    expect(await statusOf(next.id)).toBe("OPEN");
    // Reopening the closed one is refused the same way.
    await expectTrpcError(w.admin.api.cycle.open({ workspaceSlug: w.slug, cycleId: w.cycle.id }), "CONFLICT", /Next quarter is open/);
  });

  it("is held by the database too: a second open cycle cannot be written", async () => {
    const w = await buildWorld();
    const error = await createCycle(db(), w.workspace.id, { label: "Sneaked in", status: "OPEN" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(await db().cycle.count({ where: { workspaceId: w.workspace.id, status: "OPEN" } })).toBe(1);
  });

  it("lets the schedule open the next cycle only after closing the last", async () => {
    const w = await buildWorld();
    const next = await draftCycle(w);
    await sendReminders(w);
    expect(await statusOf(next.id)).toBe("DRAFT");
    await db().cycle.update({ where: { workspaceId_id: { workspaceId: w.workspace.id, id: w.cycle.id } }, data: { closesAt: day(-0.01) } });
    const result = await sendReminders(w);
    expect(result.closed).toEqual([`${w.slug}/${w.cycle.label}`]);
    expect(result.opened).toEqual([`${w.slug}/Next quarter`]);
  });
});

describe("the confirmation before opening", () => {
  it("counts the people who will be emailed and the partnerships they are asked about", async () => {
    const w = await buildWorld();
    const next = await draftCycle(w);
    const preview = await w.admin.api.cycle.openingPreview({ workspaceSlug: w.slug, cycleId: next.id });
    const participants = await db().cycleParticipant.findMany({ where: { cycleId: next.id, excluded: false } });
    expect(preview).toMatchObject({
      label: "Next quarter",
      people: new Set(participants.map((p) => p.memberId)).size,
      partnerships: new Set(participants.map((p) => p.partnershipId)).size,
      emailsInvitations: true,
      blockedBy: w.cycle.label,
    });
    expect(preview.people).toBeGreaterThan(0);
  });
});

describe("taking back a cycle", () => {
  it("deletes a draft with its participants, and only that", async () => {
    const w = await buildWorld();
    const next = await draftCycle(w);
    expect(await db().cycleParticipant.count({ where: { cycleId: next.id } })).toBeGreaterThan(0);
    await w.admin.api.cycle.delete({ workspaceSlug: w.slug, cycleId: next.id });
    expect(await statusOf(next.id)).toBeNull();
    expect(await db().cycleParticipant.count({ where: { cycleId: next.id } })).toBe(0);
    expect(await statusOf(w.cycle.id)).toBe("OPEN");
  });

  it("undoes an opening nobody has answered: a draft again, unsent survey emails dropped, links void", async () => {
    const w = await buildWorld();
    await sendReminders(w);
    const emails = await db().outboxEmail.findMany({ where: { workspaceId: w.workspace.id, cycleId: w.cycle.id } });
    expect(emails.length).toBeGreaterThan(0);
    expect(await db().surveyLink.count({ where: { cycleId: w.cycle.id } })).toBeGreaterThan(0);
    const sent = emails[0]!;
    await db().outboxEmail.update({
      where: { workspaceId_id: { workspaceId: w.workspace.id, id: sent.id } },
      data: { sentAt: new Date() },
    });

    const undone = await w.admin.api.cycle.undoOpen({ workspaceSlug: w.slug, cycleId: w.cycle.id });
    expect(undone).toEqual({ label: w.cycle.label, emailsDropped: emails.length - 1 });
    const cycle = await db().cycle.findFirstOrThrow({ where: { id: w.cycle.id } });
    expect(cycle).toMatchObject({ status: "DRAFT", openedAt: null });
    const after = await db().outboxEmail.findMany({ where: { workspaceId: w.workspace.id, cycleId: w.cycle.id } });
    // Kept, for the outbox: the one already sent as it was, the rest dropped with the reason.
    expect(after).toHaveLength(emails.length);
    expect(after.filter((e) => e.droppedAt).map((e) => e.dropReason)).toEqual(
      Array(emails.length - 1).fill(`The opening of ${w.cycle.label} was undone.`),
    );
    expect(after.find((e) => e.id === sent.id)!.droppedAt).toBeNull();
    expect(await db().surveyLink.count({ where: { cycleId: w.cycle.id } })).toBe(0);
    // Opened again, it sends its invitations afresh, to everyone (the first links are void), beside
    // the one sent before.
    await w.admin.api.cycle.open({ workspaceSlug: w.slug, cycleId: w.cycle.id });
    await sendReminders(w);
    expect(await db().outboxEmail.count({ where: { workspaceId: w.workspace.id, cycleId: w.cycle.id, droppedAt: null } })).toBe(
      emails.length + 1,
    );
  });

  it("keeps a cycle with a response or a saved draft, and a closed one, saying why", async () => {
    const w = await buildWorld();
    await w.contactA.api.response.saveDraft({
      workspaceSlug: w.slug,
      cycleId: w.cycle.id,
      partnershipId: w.partnershipA.id,
      answers: (await fullAnswers(w.cycle.id, 4)).slice(0, 2),
      comments: [],
      baseVersion: null,
    });
    const input = { workspaceSlug: w.slug, cycleId: w.cycle.id };
    await expectTrpcError(w.admin.api.cycle.delete(input), "BAD_REQUEST", /already has 1 saved draft, which would be lost/);
    await expectTrpcError(w.admin.api.cycle.undoOpen(input), "BAD_REQUEST", /already has 1 saved draft/);

    await createResponses(db(), w.workspace.id, [
      { cycleId: w.cycle.id, partnershipId: w.partnershipB.id, memberId: w.contactB.member.id, side: "PARTNER", answers: 3 },
    ]);
    await expectTrpcError(w.admin.api.cycle.delete(input), "BAD_REQUEST", /already has 1 response, which would be lost/);
    expect(await statusOf(w.cycle.id)).toBe("OPEN");

    await w.admin.api.cycle.close(input);
    await expectTrpcError(w.admin.api.cycle.delete(input), "BAD_REQUEST", /is closed: a closed cycle is part of the history/);
    await expectTrpcError(w.admin.api.cycle.undoOpen(input), "BAD_REQUEST", /is not open, so there is no opening to undo/);
    expect(await statusOf(w.cycle.id)).toBe("CLOSED");
  });

  it("is for admins only", async () => {
    const w = await buildWorld();
    const next = await draftCycle(w);
    await expectTrpcError(w.manager.api.cycle.delete({ workspaceSlug: w.slug, cycleId: next.id }), "FORBIDDEN");
    await expectTrpcError(w.manager.api.cycle.undoOpen({ workspaceSlug: w.slug, cycleId: w.cycle.id }), "FORBIDDEN");
    expect(await statusOf(next.id)).toBe("DRAFT");
  });
});
