// Reading the audit log: owners and admins only; newest first with who, what, when and from where;
// filters and paging; the CSV download (itself recorded); members' account events only while they
// were members, and never another workspace's; a person's own account events; and the database
// refusing any change to a record.
import { describe, expect, it } from "vitest";
import { addMember, createUser, createWorkspaceWithOwner } from "../../prisma/factories";
import { signInAs } from "../../server/auth";
import { auditAccount } from "../../server/services/accounts/audit";
import { auditCsvHeader, auditCsvRows } from "../../server/services/accounts/audit-csv";
import { AUDIT_EXPORT_BATCH, AUDIT_PAGE_SIZE, listAccountEvents } from "../../server/services/accounts/audit-log";
import { authenticate } from "../../server/services/authenticate";
import { acceptInvitation, callerAt, tick, tokenOf, workspaceEvents, type World } from "./audit-helpers";
import { buildWorld, callerFor, db, expectTrpcError, appDb, keyOf } from "./helpers";

const AT = "198.51.100.23";
const SURVEY = {
  cadence: "QUARTERLY",
  cycleOpenDay: 1,
  cycleLengthDays: 21,
  autoSchedule: true,
  confidentialityThreshold: 3,
  surveyMode: "CONFIDENTIAL",
} as const;

const list = (w: World, filters: Record<string, unknown> = {}) => w.admin.api.audit.list({ workspaceSlug: w.slug, ...filters });
const actionsOf = (events: { action: string }[]) => events.map((e) => e.action);
const signIn = (user: { id: string; email: string; name: string }, address = AT) =>
  signInAs(user, "PASSWORD", { "x-forwarded-for": address });

// `count` events of the workspace, one a minute back from `until`, as test data.
async function pastEvents(workspaceId: string, count: number, until: Date, actorUserId: string) {
  await db().auditEvent.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      workspaceId,
      actorUserId,
      action: "export.downloaded",
      target: `Old download ${i + 1}`,
      createdAt: new Date(until.getTime() - (count - i) * 60_000),
    })),
  });
}

describe("who may read the log", () => {
  it("owners and admins read it; nobody else, not even in part", async () => {
    const w = await buildWorld();
    await w.admin.api.workspace.updateRenewalSettings({ workspaceSlug: w.slug, renewalReviewDays: 45 });
    for (const who of [w.owner, w.admin]) {
      expect(actionsOf((await who.api.audit.list({ workspaceSlug: w.slug })).events)).toContain("settings.updated");
    }
    for (const who of [w.manager, w.executive, w.contactA]) {
      await expectTrpcError(who.api.audit.list({ workspaceSlug: w.slug }), "FORBIDDEN", /Only workspace admins/);
      await expectTrpcError(who.api.audit.people({ workspaceSlug: w.slug }), "FORBIDDEN");
      await expectTrpcError(who.api.audit.export({ workspaceSlug: w.slug }), "FORBIDDEN");
    }
    await expectTrpcError(callerFor(null).audit.list({ workspaceSlug: w.slug }), "UNAUTHORIZED");
    // Nothing was downloaded by those refused.
    expect(await workspaceEvents(w.workspace.id, "export.downloaded")).toEqual([]);
  });
});

describe("the log as admins read it", () => {
  it("lists events newest first with who, what, when and the address", async () => {
    const w = await buildWorld();
    const api = callerAt(w.admin.user.id, AT);
    await api.workspace.updateSettings({ workspaceSlug: w.slug, ...SURVEY, confidentialityThreshold: 4 });
    await tick();
    await api.member.changeRole({ workspaceSlug: w.slug, memberId: w.executive.member.id, role: "MANAGER" });
    const { events, nextCursor } = await list(w);
    expect(nextCursor).toBeNull();
    expect(events.map((e) => [e.action, e.label])).toEqual([
      ["member.role_changed", "Role changed"],
      ["settings.updated", "Settings changed"],
    ]);
    expect(events[0]).toMatchObject({
      account: false,
      actor: { name: w.admin.user.name, email: w.admin.user.email },
      subject: { name: w.executive.user.name, email: w.executive.user.email },
      address: AT,
      target: `${w.executive.user.name} (${w.executive.user.email}): Executive → Alliance manager`,
    });
    expect(events[1]!.detail).toEqual({ changes: { confidentialityThreshold: [3, 4] } });
    expect(events[0]!.at.getTime()).toBeGreaterThanOrEqual(events[1]!.at.getTime());
  });

  it("filters by event, person, days and words, together", async () => {
    const w = await buildWorld();
    const admin = callerAt(w.admin.user.id, AT);
    const owner = callerAt(w.owner.user.id, "192.0.2.99");
    await admin.workspace.updateSettings({ workspaceSlug: w.slug, ...SURVEY, confidentialityThreshold: 5 });
    await owner.workspace.updateRenewalSettings({ workspaceSlug: w.slug, renewalReviewDays: 30 });
    await admin.member.changeRole({ workspaceSlug: w.slug, memberId: w.contactB.member.id, role: "EXECUTIVE" });
    await pastEvents(w.workspace.id, 3, new Date("2025-06-15T12:00:00Z"), w.owner.user.id);

    expect(actionsOf((await list(w, { action: "settings.updated" })).events)).toEqual(["settings.updated", "settings.updated"]);
    // A person: what they did, and what was about them.
    expect(actionsOf((await list(w, { memberId: w.admin.member.id })).events)).toEqual(["member.role_changed", "settings.updated"]);
    expect(actionsOf((await list(w, { memberId: w.contactB.member.id })).events)).toEqual(["member.role_changed"]);
    // Days, both included, in UTC.
    const june = await list(w, { from: "2025-06-15", to: "2025-06-15" });
    expect(june.events.map((e) => e.target)).toEqual(["Old download 3", "Old download 2", "Old download 1"]);
    expect((await list(w, { to: "2025-06-14" })).events).toEqual([]);
    expect((await list(w, { from: "2025-06-16" })).events).toHaveLength(3);
    // Words: in what it was about, a person's email, the address, or the event's name.
    expect(actionsOf((await list(w, { text: "renewal review" })).events)).toEqual(["settings.updated"]);
    expect(actionsOf((await list(w, { text: w.contactB.user.email.toUpperCase() })).events)).toEqual(["member.role_changed"]);
    expect(actionsOf((await list(w, { text: "192.0.2.99" })).events)).toEqual(["settings.updated"]);
    expect(actionsOf((await list(w, { text: "role CHANGED" })).events)).toEqual(["member.role_changed"]);
    expect((await list(w, { text: "100%_" })).events).toEqual([]);
    // Together.
    const both = await list(w, { action: "settings.updated", memberId: w.owner.member.id, text: "30" });
    expect(both.events.map((e) => e.target)).toEqual(["Renewal review opens (days before): 60 → 30"]);
  });

  it("pages newest first, and a page does not shift when new events arrive", async () => {
    const w = await buildWorld();
    await pastEvents(w.workspace.id, AUDIT_PAGE_SIZE + 10, new Date(), w.owner.user.id);
    const first = await list(w);
    expect(first.events).toHaveLength(AUDIT_PAGE_SIZE);
    expect(first.events[0]!.target).toBe(`Old download ${AUDIT_PAGE_SIZE + 10}`);
    await w.admin.api.workspace.updateRenewalSettings({ workspaceSlug: w.slug, renewalReviewDays: 75 });
    const second = await list(w, { cursor: first.nextCursor });
    expect(second.nextCursor).toBeNull();
    expect(second.events.map((e) => e.target)).toEqual(Array.from({ length: 10 }, (_, i) => `Old download ${10 - i}`));
  });

  it("refuses days the wrong way round, a person of another workspace, and a broken position", async () => {
    const w = await buildWorld();
    const other = await buildWorld();
    await expectTrpcError(list(w, { from: "2026-02-01", to: "2026-01-01" }), "BAD_REQUEST", /first day is after the last day/);
    await expectTrpcError(list(w, { memberId: other.admin.member.id }), "NOT_FOUND", /Person not found/);
    await expectTrpcError(list(w, { cursor: "yesterday" }), "BAD_REQUEST");
    await expectTrpcError(list(w, { from: "2026-02-30" }), "BAD_REQUEST");
  });

  it("offers every member, current and former, as a person to filter by", async () => {
    const w = await buildWorld();
    await w.admin.api.member.remove({ workspaceSlug: w.slug, memberId: w.contactB.member.id });
    const people = await w.admin.api.audit.people({ workspaceSlug: w.slug });
    expect(people).toHaveLength(6);
    expect(people.at(-1)).toEqual({
      memberId: w.contactB.member.id,
      name: w.contactB.user.name,
      email: w.contactB.user.email,
      former: true,
    });
    expect(people.filter((p) => p.former)).toHaveLength(1);
    // The former member's removal is theirs to find.
    expect(actionsOf((await list(w, { memberId: w.contactB.member.id })).events)).toEqual(["member.removed"]);
  });
});

describe("the CSV download", () => {
  it("holds the filtered events, and records the download without listing it", async () => {
    const w = await buildWorld();
    const admin = callerAt(w.admin.user.id, AT);
    await admin.workspace.updateSettings({ workspaceSlug: w.slug, ...SURVEY, surveyMode: "ATTRIBUTED" });
    await admin.member.changeRole({ workspaceSlug: w.slug, memberId: w.executive.member.id, role: "MANAGER" });

    const batch = await admin.audit.export({ workspaceSlug: w.slug, action: "settings.updated", from: "2020-01-01" });
    expect(batch.next).toBeNull();
    const csv = auditCsvHeader() + auditCsvRows(batch.events);
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe("time (UTC),event,event code,by,by email,about,about email,what,email,address,account event,details");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`,Settings changed,settings.updated,${w.admin.user.name},${w.admin.user.email},,,`);
    expect(lines[1]).toContain(`Survey mode: confidential → attributed,,${AT},no,`);
    expect(lines[1]).toContain(`"{""changes"":{""surveyMode"":[""CONFIDENTIAL"",""ATTRIBUTED""]}}"`);
    expect(lines[1]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z,/);

    // The download is an export in the log, with its filters; the next download lists it.
    const [download] = await workspaceEvents(w.workspace.id, "export.downloaded");
    expect(download).toMatchObject({
      actorUserId: w.admin.user.id,
      address: AT,
      target: "Audit log (CSV), filtered by action Settings changed, from 2020-01-01",
      detail: { export: "audit-log", format: "csv", filters: { action: "Settings changed", from: "2020-01-01T00:00:00.000Z" } },
    });
    const again = await admin.audit.export({ workspaceSlug: w.slug });
    expect(actionsOf(again.events)).toEqual(["export.downloaded", "member.role_changed", "settings.updated"]);
    expect(await workspaceEvents(w.workspace.id, "export.downloaded")).toHaveLength(2);
  });

  it("comes in batches, each after the last, and only the first records the download", async () => {
    const w = await buildWorld();
    await pastEvents(w.workspace.id, AUDIT_EXPORT_BATCH + 5, new Date(), w.owner.user.id);
    const first = await w.admin.api.audit.export({ workspaceSlug: w.slug });
    expect(first.events).toHaveLength(AUDIT_EXPORT_BATCH);
    const rest = await w.admin.api.audit.export({ workspaceSlug: w.slug, after: first.next! });
    expect(rest.next).toBeNull();
    expect(rest.events.map((e) => e.target)).toEqual([
      "Old download 5",
      "Old download 4",
      "Old download 3",
      "Old download 2",
      "Old download 1",
    ]);
    expect(await workspaceEvents(w.workspace.id, "export.downloaded")).toHaveLength(AUDIT_EXPORT_BATCH + 5 + 1);
  });

  it("keeps text that a spreadsheet would run as a formula as text", () => {
    const row = auditCsvRows([
      {
        id: "x",
        at: new Date("2026-01-01T00:00:00Z"),
        action: "invitation.sent",
        label: "Invitation sent",
        account: false,
        actor: { name: "=HYPERLINK(1)", email: "a@example.test" },
        subject: null,
        email: null,
        target: '+1, "quoted"',
        detail: null,
        address: null,
      },
    ]);
    expect(row).toBe(
      `2026-01-01T00:00:00.000Z,Invitation sent,invitation.sent,'=HYPERLINK(1),a@example.test,,,"'+1, ""quoted""",,,no,\r\n`,
    );
  });
});

describe("members' account events", () => {
  it("shows a member's sign-ins and failed sign-ins, marked as account events", async () => {
    const w = await buildWorld();
    await signIn(w.contactA.user, "203.0.113.5");
    await authenticate(appDb(), { email: w.contactA.user.email, password: "not-the-password" }, "203.0.113.6").catch(() => null);
    const { events } = await list(w);
    expect(events.map((e) => ({ action: e.action, account: e.account, address: e.address, actor: e.actor?.email ?? null }))).toEqual([
      { action: "signin.failed", account: true, address: "203.0.113.6", actor: null },
      { action: "signin.succeeded", account: true, address: "203.0.113.5", actor: w.contactA.user.email },
    ]);
    expect(events[0]!.subject).toEqual({ name: w.contactA.user.name, email: w.contactA.user.email });
    expect(actionsOf((await list(w, { memberId: w.contactA.member.id, action: "signin.failed" })).events)).toEqual(["signin.failed"]);
  });

  it("shows them only while the person was a member: not before joining, not after leaving, not while away", async () => {
    const w = await buildWorld();
    const person = await createUser(db());
    const beforeJoining = new Date(Date.now() - 86_400_000);
    await db().accountAuditEvent.create({
      data: { action: "signin.succeeded", userId: person.id, actorUserId: person.id, target: "before joining", createdAt: beforeJoining },
    });
    // Joins by invitation, signs in, is removed, signs in elsewhere, comes back, signs in again.
    const first = await w.admin.api.invitation.create({ workspaceSlug: w.slug, email: person.email, role: "MANAGER" });
    await acceptInvitation(tokenOf(first.path), AT, { userId: person.id });
    await tick();
    await auditAccount(appDb(), { action: "password.changed", userId: person.id, actorUserId: person.id, target: "while a member" });
    await tick();
    const member = await db().member.findUniqueOrThrow({
      where: { workspaceId_userId: { workspaceId: w.workspace.id, userId: person.id } },
    });
    await w.admin.api.member.remove({ workspaceSlug: w.slug, memberId: member.id });
    await tick();
    await auditAccount(appDb(), { action: "password.changed", userId: person.id, actorUserId: person.id, target: "while away" });
    await tick();
    const second = await w.admin.api.invitation.create({ workspaceSlug: w.slug, email: person.email, role: "EXECUTIVE" });
    await acceptInvitation(tokenOf(second.path), AT, { userId: person.id });
    await tick();
    await auditAccount(appDb(), { action: "password.changed", userId: person.id, actorUserId: person.id, target: "back again" });

    const shown = (await list(w, { action: "password.changed" })).events.map((e) => e.target);
    expect(shown).toEqual(["back again", "while a member"]);
    expect((await list(w, { text: "before joining" })).events).toEqual([]);

    // Removed for good: what they do afterwards is theirs alone.
    await w.admin.api.member.remove({ workspaceSlug: w.slug, memberId: member.id });
    await tick();
    await auditAccount(appDb(), { action: "password.changed", userId: person.id, actorUserId: person.id, target: "gone" });
    expect((await list(w, { action: "password.changed" })).events.map((e) => e.target)).toEqual(["back again", "while a member"]);
  });
});

describe("isolation between workspaces", () => {
  it("never shows another workspace's events, nor the account events of people who are not members", async () => {
    const x = await buildWorld();
    const y = await buildWorld();
    // Someone in both workspaces, and someone in X only.
    const both = await addMember(db(), y.workspace.id, { role: "MANAGER" });
    await db().member.create({ data: { workspaceId: x.workspace.id, userId: both.user.id, role: "EXECUTIVE" } });
    const bothInX = await db().member.findUniqueOrThrow({
      where: { workspaceId_userId: { workspaceId: x.workspace.id, userId: both.user.id } },
    });

    await signIn(both.user, "192.0.2.1");
    await signIn(x.contactA.user, "192.0.2.2");
    await callerAt(x.admin.user.id, AT).member.changeRole({ workspaceSlug: x.slug, memberId: bothInX.id, role: "MANAGER" });
    await callerAt(x.admin.user.id, AT).workspace.updateSettings({ workspaceSlug: x.slug, ...SURVEY, surveyMode: "ATTRIBUTED" });

    const inX = (await list(x)).events;
    expect(inX.map((e) => [e.action, e.subject?.email ?? null])).toEqual([
      ["settings.updated", null],
      ["member.role_changed", both.user.email],
      ["signin.succeeded", x.contactA.user.email],
      ["signin.succeeded", both.user.email],
    ]);
    const inY = (await list(y)).events;
    expect(inY.map((e) => [e.action, e.subject?.email ?? null])).toEqual([["signin.succeeded", both.user.email]]);
    // Not by person, not by words, not in the download.
    const bothInY = await db().member.findUniqueOrThrow({
      where: { workspaceId_userId: { workspaceId: y.workspace.id, userId: both.user.id } },
    });
    expect(actionsOf((await list(y, { memberId: bothInY.id })).events)).toEqual(["signin.succeeded"]);
    expect((await list(y, { text: "Role changed" })).events).toEqual([]);
    expect((await list(y, { text: x.contactA.user.email })).events).toEqual([]);
    expect(actionsOf((await y.admin.api.audit.export({ workspaceSlug: y.slug })).events)).toEqual(["signin.succeeded"]);
    // An admin of X asking with X's slug for Y's person is told no such person.
    await expectTrpcError(list(x, { memberId: bothInY.id }), "NOT_FOUND");
    // X's admin, asking about Y by its slug, is not a member there.
    await expectTrpcError(x.admin.api.audit.list({ workspaceSlug: y.slug }), "NOT_FOUND");
  });

  it("keeps a workspace's own events out of the account events of its members elsewhere", async () => {
    const { workspace, user } = await createWorkspaceWithOwner(db());
    const other = await buildWorld();
    await db().member.create({ data: { workspaceId: other.workspace.id, userId: user.id, role: "ADMIN" } });
    await db().auditEvent.create({
      data: { workspaceId: workspace.id, userId: user.id, actorUserId: user.id, action: "export.downloaded" },
    });
    expect((await list(other)).events).toEqual([]);
    expect((await listAccountEvents(appDb(), user.id)).events).toEqual([]);
  });
});

describe("a person's own account events", () => {
  it("lists their sign-ins and account changes, newest first, in pages, and nobody else's", async () => {
    const w = await buildWorld();
    const me = w.contactA.user;
    await db().accountAuditEvent.createMany({
      data: Array.from({ length: AUDIT_PAGE_SIZE + 2 }, (_, i) => ({
        action: "signin.succeeded",
        userId: me.id,
        actorUserId: me.id,
        address: `192.0.2.${i}`,
        createdAt: new Date(Date.now() - (AUDIT_PAGE_SIZE + 2 - i) * 60_000),
      })),
    });
    await signIn(w.contactB.user);
    await w.admin.api.member.changeRole({
      workspaceSlug: w.slug,
      memberId: w.contactA.member.id,
      role: "PARTNER",
      partnerOrgId: w.orgB.id,
    });

    const first = await listAccountEvents(appDb(), me.id);
    expect(first.events).toHaveLength(AUDIT_PAGE_SIZE);
    expect(first.events[0]).toMatchObject({ action: "signin.succeeded", label: "Signed in", address: `192.0.2.${AUDIT_PAGE_SIZE + 1}` });
    const second = await listAccountEvents(appDb(), me.id, { cursor: first.nextCursor! });
    expect(second).toEqual({
      events: [expect.objectContaining({ address: "192.0.2.1" }), expect.objectContaining({ address: "192.0.2.0" })],
      nextCursor: null,
    });
  });
});

// The database's own words, wherever the client puts them (a raw statement's error carries them
// in its driver error).
async function refusedByTheDatabase(statement: Promise<unknown>, table = "AuditEvent") {
  const error = await statement.then(
    () => null,
    (e: unknown) => e as { message?: string; meta?: { driverAdapterError?: { cause?: { message?: string } } } },
  );
  expect(error, "the statement was allowed").not.toBeNull();
  const words = `${error!.message ?? ""} ${error!.meta?.driverAdapterError?.cause?.message ?? ""}`;
  expect(words).toMatch(new RegExp(`The audit log is append-only: (UPDATE|DELETE|TRUNCATE) on "${table}" is not allowed`));
}

describe("append-only", () => {
  it("the database refuses to change or remove a record, by any statement", async () => {
    const w = await buildWorld();
    await w.admin.api.workspace.updateRenewalSettings({ workspaceSlug: w.slug, renewalReviewDays: 99 });
    const [event] = await workspaceEvents(w.workspace.id);
    const id = event!.id;
    await refusedByTheDatabase(db().auditEvent.update({ where: keyOf(event!), data: { target: "nothing happened" } }));
    await refusedByTheDatabase(db().auditEvent.updateMany({ where: { workspaceId: w.workspace.id }, data: { address: null } }));
    await refusedByTheDatabase(db().auditEvent.delete({ where: keyOf(event!) }));
    await refusedByTheDatabase(db().auditEvent.deleteMany({ where: { workspaceId: w.workspace.id } }));
    await refusedByTheDatabase(db().$executeRaw`UPDATE "AuditEvent" SET "createdAt" = now() - interval '1 year' WHERE id = ${id}`);
    await refusedByTheDatabase(db().$executeRaw`DELETE FROM "AuditEvent" WHERE id = ${id}`);
    // In a transaction that never commits: on a shared database, a TRUNCATE let through must not
    // empty everyone's log.
    await refusedByTheDatabase(
      db().$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`TRUNCATE "AuditEvent"`);
        throw new Error("TRUNCATE was allowed (and rolled back)");
      }),
    );
    expect(await db().auditEvent.findFirstOrThrow({ where: { id } })).toEqual(event);
  });

  it("an account's events too, in their own table", async () => {
    const user = await createUser(db());
    await auditAccount(db(), { action: "password.changed", userId: user.id, actorUserId: user.id });
    const event = await db().accountAuditEvent.findFirstOrThrow({ where: { userId: user.id } });
    const table = "AccountAuditEvent";
    await refusedByTheDatabase(db().accountAuditEvent.update({ where: { id: event.id }, data: { target: "nothing happened" } }), table);
    await refusedByTheDatabase(db().accountAuditEvent.deleteMany({ where: { userId: user.id } }), table);
    await refusedByTheDatabase(db().$executeRaw`UPDATE "AccountAuditEvent" SET "userId" = NULL WHERE id = ${event.id}`, table);
    await refusedByTheDatabase(
      db().$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`TRUNCATE "AccountAuditEvent"`);
        throw new Error("TRUNCATE was allowed (and rolled back)");
      }),
      table,
    );
    expect(await db().accountAuditEvent.findUniqueOrThrow({ where: { id: event.id } })).toEqual(event);
  });
});
