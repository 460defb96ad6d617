// The email choices of the account page, applied when the delivery job sends (real SMTP on
// loopback): an email of a kind its recipient turned off is dropped, with the reason admins read
// in the outbox; the survey invitation (SURVEY_OPEN) always goes; the bell's notifications stay.
import { describe, expect, it } from "vitest";
import { createCycle } from "../../prisma/factories";
import type { EmailKind } from "../../server/db/generated/client";
import { forWorkspace } from "../../server/db/tenant";
import { deliverOutbox } from "../../server/services/email/deliver";
import { enqueueEmail } from "../../server/services/email/outbox";
import { TURNED_OFF_REASON } from "../../server/services/email/preferences";
import { sendDueReminders } from "../../server/services/reminders";
import { buildWorld, callerFor, db, appDb, keyOf } from "./helpers";
import { startSmtp } from "./loopback-smtp";

const ALL_ON = { emailSurveyReminders: true, emailActionReminders: true, emailAlerts: true, emailRetroSummaries: true };

describe("email choices applied at delivery", () => {
  it("drops each kind its recipient turned off, with the reason, and sends the rest", async () => {
    const w = await buildWorld();
    const smtp = await startSmtp();
    const kinds: EmailKind[] = ["SURVEY_OPEN", "REMINDER", "ACTION_REMINDER", "ALERT", "RETRO_SUMMARY"];
    const queue = async (member: { id: string }, to: string) => {
      const ids = new Map<EmailKind, string>();
      for (const kind of kinds) {
        const { id } = await enqueueEmail(db(), {
          workspaceId: w.workspace.id,
          kind,
          to,
          recipientMemberId: member.id,
          partnershipIds: [],
          subject: `${kind} for ${to}`,
          text: "Hello.",
        });
        ids.set(kind, id);
      }
      return ids;
    };
    // The manager turns everything off on the account page; the admin leaves everything on.
    await callerFor(w.manager.user.id).account.updateEmails({
      emailSurveyReminders: false,
      emailActionReminders: false,
      emailAlerts: false,
      emailRetroSummaries: false,
    });
    const off = await queue(w.manager.member, w.manager.user.email);
    const on = await queue(w.admin.member, w.admin.user.email);

    expect(await deliverOutbox(forWorkspace(appDb(), w.workspace.id), { transport: smtp.transport })).toEqual({
      sent: 6,
      failed: 0,
      dropped: 4,
    });
    expect(
      smtp
        .to(w.admin.user.email)
        .map((m) => m.subject)
        .sort(),
    ).toEqual(kinds.map((k) => `${k} for ${w.admin.user.email}`).sort());
    expect(smtp.to(w.manager.user.email).map((m) => m.subject)).toEqual([`SURVEY_OPEN for ${w.manager.user.email}`]);

    const row = (id: string) => db().outboxEmail.findFirstOrThrow({ where: { id } });
    expect(await row(off.get("REMINDER")!)).toMatchObject({
      sentAt: null,
      droppedAt: expect.any(Date),
      dropReason: TURNED_OFF_REASON.emailSurveyReminders,
    });
    expect((await row(off.get("ACTION_REMINDER")!)).dropReason).toBe("Not sent: the recipient turned off action reminder emails.");
    expect((await row(off.get("ALERT")!)).dropReason).toBe("Not sent: the recipient turned off alert emails.");
    expect((await row(off.get("RETRO_SUMMARY")!)).dropReason).toBe("Not sent: the recipient turned off retro summary emails.");
    expect(await row(off.get("SURVEY_OPEN")!)).toMatchObject({ sentAt: expect.any(Date), droppedAt: null });
    for (const id of on.values()) expect((await row(id)).sentAt).toBeInstanceOf(Date);

    // Admins read the reason in the outbox.
    const outbox = await callerFor(w.owner.user.id).outbox.list({ workspaceSlug: w.slug });
    const dropped = outbox.emails.filter((e) => e.status === "DROPPED").map((e) => e.dropReason);
    expect(dropped.sort()).toEqual(Object.values(TURNED_OFF_REASON).sort());
  });

  it("applies to the survey reminder job's emails, and a choice turned back on applies to what is still queued", async () => {
    const w = await buildWorld();
    const smtp = await startSmtp();
    const ws = forWorkspace(appDb(), w.workspace.id);
    await callerFor(w.contactA.user.id).account.updateEmails({ ...ALL_ON, emailSurveyReminders: false });
    // A week into the cycle: everyone who owes answers gets the week-in reminder.
    expect(await sendDueReminders(ws, w.workspace, w.cycle, new Date())).toBeGreaterThan(1);
    const queued = await db().outboxEmail.findMany({ where: { workspaceId: w.workspace.id, kind: "REMINDER" } });
    expect(queued.map((e) => e.to)).toEqual(expect.arrayContaining([w.contactA.user.email, w.contactB.user.email]));
    // B's contact turned them off too, but back on before the job sent them: the choice at sending counts.
    await callerFor(w.contactB.user.id).account.updateEmails({ ...ALL_ON, emailSurveyReminders: false });
    await callerFor(w.contactB.user.id).account.updateEmails(ALL_ON);

    const result = await deliverOutbox(ws, { transport: smtp.transport });
    expect(result.dropped).toBe(1);
    expect(smtp.to(w.contactA.user.email)).toEqual([]);
    expect(smtp.to(w.manager.user.email)).toHaveLength(1);
    expect(smtp.to(w.contactB.user.email)).toHaveLength(1);
    const toContact = await db().outboxEmail.findFirstOrThrow({ where: { workspaceId: w.workspace.id, to: w.contactA.user.email } });
    expect(toContact.dropReason).toBe(TURNED_OFF_REASON.emailSurveyReminders);
  });

  it("always sends the survey invitation, even with survey reminders off", async () => {
    const w = await buildWorld();
    const smtp = await startSmtp();
    const ws = forWorkspace(appDb(), w.workspace.id);
    await callerFor(w.contactA.user.id).account.updateEmails({ ...ALL_ON, emailSurveyReminders: false });
    const opensAt = new Date();
    // One cycle open at a time: the world's closes first.
    await db().cycle.update({ where: keyOf(w.cycle), data: { status: "CLOSED", closedAt: opensAt } });
    const cycle = await createCycle(db(), w.workspace.id, { opensAt, label: "Opening today" });
    await sendDueReminders(ws, w.workspace, cycle, opensAt);
    await deliverOutbox(ws, { transport: smtp.transport });
    const [invitation] = smtp.to(w.contactA.user.email);
    expect(invitation!.subject).toMatch(/Opening today/);
    const row = await db().outboxEmail.findFirstOrThrow({ where: { workspaceId: w.workspace.id, to: w.contactA.user.email } });
    expect(row).toMatchObject({ kind: "SURVEY_OPEN", droppedAt: null, sentAt: expect.any(Date) });
  });
});
