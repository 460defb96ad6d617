// Email: every email is stored in the outbox, and the delivery job sends it through a real SMTP
// server (smtp-server on loopback, messages parsed with mailparser), exactly once even when two
// runs race, retrying after a refusal. Without SMTP the outbox is the delivery: admins read it.
import { forWorkspace } from "../../server/db/tenant";
import { describe, expect, it } from "vitest";
import { createWorkspaceWithOwner, unique } from "../../prisma/factories";
import { CLAIM_TIMEOUT_MS, deliverOutbox } from "../../server/services/email/deliver";
import { enqueueEmail } from "../../server/services/email/outbox";
import { invitationEmail, reminderEmail, surveyOpenEmail } from "../../server/services/email/templates";
import { buildWorld, db, expectTrpcError, appDb, keyOf } from "./helpers";
import { startSmtp } from "./loopback-smtp";

async function workspace() {
  const { workspace } = await createWorkspaceWithOwner(db(), { name: "Northwind Test" });
  return workspace;
}

const address = () => `${unique("person")}@example.test`.toLowerCase();

function emailTo(workspaceId: string, to: string, n = 1) {
  return enqueueEmail(db(), {
    workspaceId,
    kind: "REMINDER",
    to,
    recipientMemberId: null,
    partnershipIds: [],
    subject: `Test email ${n}`,
    text: `Hello, this is test email ${n}: http://localhost:3000/w/test/surveys`,
    link: "http://localhost:3000/w/test/surveys",
  });
}

describe("delivering the outbox over SMTP", () => {
  it("sends each stored email to its recipient and stamps it sent", async () => {
    const ws = await workspace();
    const smtp = await startSmtp();
    const now = new Date();
    const invitee = address();
    const contact = address();
    const invitation = invitationEmail({
      workspaceName: ws.name,
      inviterName: "Olive Owner",
      role: "MANAGER",
      path: "/invite/abc123",
      expiresAt: new Date(now.getTime() + 7 * 86_400_000),
      now,
    });
    const survey = surveyOpenEmail({
      workspaceName: ws.name,
      workspaceSlug: ws.slug,
      cycleLabel: "2026-Q4",
      closesAt: new Date(now.getTime() + 21 * 86_400_000),
      partnershipNames: ["Globex Cloud Resale"],
      recipientName: "Pat Partner",
      personalLink: `http://localhost:3000/s/${"a".repeat(43)}`,
    });
    const a = await enqueueEmail(db(), {
      workspaceId: ws.id,
      kind: "INVITATION",
      to: invitee,
      recipientMemberId: null,
      partnershipIds: [],
      ...invitation,
    });
    const b = await enqueueEmail(db(), {
      workspaceId: ws.id,
      kind: "SURVEY_OPEN",
      to: contact,
      recipientMemberId: null,
      partnershipIds: [],
      ...survey,
    });

    expect(await deliverOutbox(forWorkspace(appDb(), ws.id), { transport: smtp.transport })).toEqual({ sent: 2, failed: 0, dropped: 0 });

    expect(smtp.received).toHaveLength(2);
    const byRecipient = new Map(smtp.received.map((r) => [r.envelopeTo[0], r.mail]));
    const toInvitee = byRecipient.get(invitee)!;
    expect(toInvitee.to).toMatchObject({ value: [{ address: invitee }] });
    expect(toInvitee.from).toMatchObject({ value: [{ address: "no-reply@localhost", name: "Partnership Health" }] });
    expect(toInvitee.subject).toBe(invitation.subject);
    expect(toInvitee.text).toContain("http://localhost:3000/invite/abc123");
    const toContact = byRecipient.get(contact)!;
    expect(toContact.subject).toBe(survey.subject);
    expect(toContact.text).toContain(`http://localhost:3000/s/${"a".repeat(43)}`);
    expect(toContact.text).toContain(`sign in at http://localhost:3000/w/${ws.slug}.`);
    expect(toContact.text).toContain("Globex Cloud Resale");

    const rows = await db().outboxEmail.findMany({ where: { id: { in: [a.id, b.id] } } });
    for (const row of rows) expect(row).toMatchObject({ sentAt: expect.any(Date), attempts: 0, lastError: null });
    // Sent is sent: the next run has nothing to do.
    expect(await deliverOutbox(forWorkspace(appDb(), ws.id), { transport: smtp.transport })).toEqual({ sent: 0, failed: 0, dropped: 0 });
    expect(smtp.received).toHaveLength(2);
  });

  it("sends each email exactly once when two runs race", async () => {
    const ws = await workspace();
    const smtp = await startSmtp();
    const recipients = [address(), address(), address(), address()];
    for (const [i, to] of recipients.entries()) await emailTo(ws.id, to, i);

    const runs = await Promise.all([
      deliverOutbox(forWorkspace(appDb(), ws.id), { transport: smtp.transport }),
      deliverOutbox(forWorkspace(appDb(), ws.id), { transport: smtp.transport }),
    ]);

    expect(runs[0].sent + runs[1].sent).toBe(4);
    expect(smtp.received.map((r) => r.envelopeTo[0]).sort()).toEqual([...recipients].sort());
    expect(await db().outboxEmail.count({ where: { workspaceId: ws.id, sentAt: null } })).toBe(0);
  });

  it("keeps a refused email, and sends it on a later run once the server accepts it", async () => {
    const ws = await workspace();
    const smtp = await startSmtp();
    const to = address();
    const { id } = await emailTo(ws.id, to);

    smtp.control.refuseRecipients = true;
    expect(await deliverOutbox(forWorkspace(appDb(), ws.id), { transport: smtp.transport })).toEqual({ sent: 0, failed: 1, dropped: 0 });
    const failed = await db().outboxEmail.findFirstOrThrow({ where: { id } });
    expect(failed).toMatchObject({ sentAt: null, claimedAt: null, attempts: 1 });
    expect(failed.lastError).toMatch(/Mailbox unavailable/);
    expect(smtp.received).toHaveLength(0);

    smtp.control.refuseRecipients = false;
    expect(await deliverOutbox(forWorkspace(appDb(), ws.id), { transport: smtp.transport })).toEqual({ sent: 1, failed: 0, dropped: 0 });
    expect(smtp.received.map((r) => r.envelopeTo)).toEqual([[to]]);
    expect((await db().outboxEmail.findFirstOrThrow({ where: { id } })).sentAt).toBeInstanceOf(Date);
  });

  it("gives up on an email after maxAttempts failures", async () => {
    const ws = await workspace();
    const smtp = await startSmtp();
    const { id } = await emailTo(ws.id, address());
    smtp.control.refuseRecipients = true;
    const run = () => deliverOutbox(forWorkspace(appDb(), ws.id), { transport: smtp.transport, maxAttempts: 2 });

    expect(await run()).toEqual({ sent: 0, failed: 1, dropped: 0 });
    expect(await run()).toEqual({ sent: 0, failed: 1, dropped: 0 });
    smtp.control.refuseRecipients = false;
    expect(await run()).toEqual({ sent: 0, failed: 0, dropped: 0 });
    expect(await db().outboxEmail.findFirstOrThrow({ where: { id } })).toMatchObject({ sentAt: null, attempts: 2 });
  });

  it("leaves an email claimed by another run alone, unless that claim is older than the timeout", async () => {
    const ws = await workspace();
    const smtp = await startSmtp();
    const { id } = await emailTo(ws.id, address());
    const now = new Date();
    const run = () => deliverOutbox(forWorkspace(appDb(), ws.id), { transport: smtp.transport, now });

    await db().outboxEmail.update({
      where: { workspaceId_id: { workspaceId: ws.id, id } },
      data: { claimedAt: new Date(now.getTime() - CLAIM_TIMEOUT_MS + 60_000) },
    });
    expect(await run()).toEqual({ sent: 0, failed: 0, dropped: 0 });

    // The run that claimed it died: after the timeout another run takes it over.
    await db().outboxEmail.update({
      where: { workspaceId_id: { workspaceId: ws.id, id } },
      data: { claimedAt: new Date(now.getTime() - CLAIM_TIMEOUT_MS - 60_000) },
    });
    expect(await run()).toEqual({ sent: 1, failed: 0, dropped: 0 });
    expect(smtp.received).toHaveLength(1);
  });
});

describe("without SMTP", () => {
  it("sends nothing, and admins read the email, link included, in the outbox", async () => {
    const w = await buildWorld();
    const created = await w.admin.api.invitation.create({ workspaceSlug: w.slug, email: address(), role: "EXECUTIVE" });

    expect(await deliverOutbox(forWorkspace(appDb(), w.workspace.id), {})).toEqual({ sent: 0, failed: 0, dropped: 0 });

    const outbox = await w.admin.api.outbox.list({ workspaceSlug: w.slug });
    expect(outbox.smtpConfigured).toBe(false);
    expect(outbox.nextCursor).toBeNull();
    expect(outbox.emails).toHaveLength(1);
    const [email] = outbox.emails;
    expect(email).toMatchObject({ kind: "INVITATION", to: created.email, status: "STORED", sentAt: null, attempts: 0 });
    expect(email!.link).toBe(`http://localhost:3000${created.path}`);
    expect(email!.text).toContain(email!.link);
    // Whether SMTP is configured, and nothing more of its settings.
    expect(Object.keys(outbox).sort()).toEqual(["emails", "nextCursor", "smtpConfigured"]);

    await expectTrpcError(w.manager.api.outbox.list({ workspaceSlug: w.slug }), "FORBIDDEN");
    await expectTrpcError(w.contactA.api.outbox.list({ workspaceSlug: w.slug }), "FORBIDDEN");
  });

  it("shows each workspace only its own emails", async () => {
    const w = await buildWorld();
    const other = await buildWorld();
    await emailTo(other.workspace.id, address());
    expect((await w.admin.api.outbox.list({ workspaceSlug: w.slug })).emails).toEqual([]);
    await expectTrpcError(w.admin.api.outbox.list({ workspaceSlug: other.slug }), "NOT_FOUND");
  });
});

describe("the outbox list", () => {
  it("pages newest first, 50 at a time, and filters by kind", async () => {
    const w = await buildWorld();
    const start = Date.now() - 3_600_000;
    await db().outboxEmail.createMany({
      data: Array.from({ length: 55 }, (_, i) => ({
        workspaceId: w.workspace.id,
        kind: i % 5 === 0 ? ("INVITATION" as const) : ("REMINDER" as const),
        to: `person-${i}@example.test`,
        subject: `Email ${i}`,
        text: `Email number ${i}`,
        createdAt: new Date(start + i * 1000),
      })),
    });

    const first = await w.owner.api.outbox.list({ workspaceSlug: w.slug });
    expect(first.emails).toHaveLength(50);
    expect(first.emails[0]!.subject).toBe("Email 54");
    expect(first.nextCursor).not.toBeNull();
    const second = await w.owner.api.outbox.list({ workspaceSlug: w.slug, cursor: first.nextCursor! });
    expect(second.emails.map((e) => e.subject)).toEqual(["Email 4", "Email 3", "Email 2", "Email 1", "Email 0"]);
    expect(second.nextCursor).toBeNull();

    const invitations = await w.owner.api.outbox.list({ workspaceSlug: w.slug, kind: "INVITATION" });
    expect(invitations.emails).toHaveLength(11);
    expect(invitations.emails.every((e) => e.kind === "INVITATION")).toBe(true);
  });

  it("tells a failed email apart from a stored one", async () => {
    const w = await buildWorld();
    const { id } = await emailTo(w.workspace.id, address());
    await db().outboxEmail.update({
      where: { workspaceId_id: { workspaceId: w.workspace.id, id } },
      data: { attempts: 5, lastError: "550 Mailbox unavailable" },
    });
    const [email] = (await w.admin.api.outbox.list({ workspaceSlug: w.slug })).emails;
    expect(email).toMatchObject({ status: "FAILED", attempts: 5, lastError: "550 Mailbox unavailable", gaveUp: true });
  });

  it("lists the emails the job queue gave up on, which an admin (and no one else) sends again", async () => {
    const w = await buildWorld();
    const given = await emailTo(w.workspace.id, address());
    const pending = await emailTo(w.workspace.id, address());
    await db().outboxEmail.update({
      where: keyOf({ workspaceId: w.workspace.id, id: given.id }),
      data: { attempts: 6, lastError: "550 Mailbox unavailable", failedAt: new Date() },
    });
    const slug = { workspaceSlug: w.slug };
    expect(await w.admin.api.outbox.failedCount(slug)).toBe(1);
    const failed = await w.admin.api.outbox.list({ ...slug, failedOnly: true });
    expect(failed.emails.map((e) => e.id)).toEqual([given.id]);

    await expectTrpcError(w.manager.api.outbox.sendAgain({ ...slug, emailId: given.id }), "FORBIDDEN");
    await expectTrpcError(w.admin.api.outbox.sendAgain({ ...slug, emailId: pending.id }), "CONFLICT", /not waiting to be sent again/);
    expect(await w.admin.api.outbox.sendAgain({ ...slug, emailId: given.id })).toEqual({ ok: true });
    expect(await db().outboxEmail.findFirstOrThrow({ where: { id: given.id } })).toMatchObject({
      failedAt: null,
      attempts: 0,
      sentAt: null,
    });
    expect(await w.admin.api.outbox.failedCount(slug)).toBe(0);
  });
});

describe("the survey emails", () => {
  const base = {
    workspaceName: "Northwind Alliances",
    workspaceSlug: "northwind",
    cycleLabel: "2026-Q4",
    closesAt: new Date("2026-12-22T00:00:00Z"),
    partnershipNames: ["Globex Cloud Resale", "Initech Services"],
    recipientName: "Pat",
    personalLink: `http://localhost:3000/s/${"b".repeat(43)}`,
  };

  it("say which partnerships, until when, where to answer (the personal link) and how to mute reminders", () => {
    const open = surveyOpenEmail(base);
    expect(open.link).toBe(base.personalLink);
    expect(open.text).toMatch(/This link is personal: it opens your surveys without a password until the survey closes on .*22 Dec 2026/);
    expect(open.text).toContain("sign in at http://localhost:3000/w/northwind.");
    expect(open.text).toContain("Hello Pat,");
    expect(open.text).toContain("  - Globex Cloud Resale\n  - Initech Services");
    expect(open.text).toContain("22 Dec 2026");
    expect(open.text).toContain(open.link);
    expect(open.text).toMatch(/mute reminders from the survey page/);

    const closing = reminderEmail({ ...base, kind: "CLOSING_SOON", now: new Date("2026-12-20T00:00:00Z") });
    expect(closing.subject).toContain("closes in 2 days");
    expect(closing.text).toContain(closing.link);
    expect(closing.text).toMatch(/mute them from the survey page/);
    const weekIn = reminderEmail({ ...base, kind: "WEEK_IN", now: new Date("2026-12-08T00:00:00Z") });
    expect(weekIn.subject).toContain("is still waiting for your answers");
  });
});
