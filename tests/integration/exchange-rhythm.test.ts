// Value exchange in the rhythm: overdue accepted asks reminded like actions (once per ask and date,
// to the side that owes it), and the one-sided alert (once, to the owner, from the fourth delivery).
import { describe, expect, it } from "vitest";
import { runWorkspaceWork } from "../../server/jobs/work";
import { runAskReminders } from "../../server/services/exchange/reminders";
import { exchangeSinceLastRetro } from "../../server/services/exchange/since";
import { forWorkspace } from "../../server/db/tenant";
import { deliverOutbox } from "../../server/services/email/deliver";
import { TURNED_OFF_REASON } from "../../server/services/email/preferences";
import { startSmtp } from "./loopback-smtp";
import { addMember } from "../../prisma/factories";
import { appDb, db, expectTrpcError } from "./helpers";
import { A, DAY, exchangeWorld as world, one, ymd, type Api, type World } from "./exchange-world";

const make = (w: World, api: Api, kind: "ASK" | "OFFER", due = 5, title = "Three warm intros to Nordic retailers") =>
  api.exchange.create({ ...A(w), kind, title, counterpart: "Channel lead", dueDate: ymd(due) });

describe("reminders of overdue accepted asks", () => {
  const later = (days: number) => new Date(Date.now() + days * DAY);

  it("reminds the side that owes the ask once per date, in the app and by email, and not a delivered or not-yet-due one", async () => {
    const w = await world();
    const run = (at: Date) => runAskReminders(forWorkspace(appDb(), w.workspace.id), at);
    const owed = await make(w, w.manager.api, "ASK", 5);
    await w.contactA.api.exchange.accept({ ...one(w, owed.id), note: "" });
    const done = await make(w, w.manager.api, "ASK", 5, "A joint case study with two customers");
    await w.contactA.api.exchange.accept({ ...one(w, done.id), note: "" });
    await w.manager.api.exchange.deliver({ ...one(w, done.id), rating: 4, note: "" });
    const open = await make(w, w.manager.api, "ASK", 5, "A technical review of our connector");
    // The partner's ask of the company, due later.
    const theirs = await make(w, w.contactA.api, "ASK", 20, "Two speaker slots at the partner summit");
    await w.manager.api.exchange.accept({ ...one(w, theirs.id), note: "" });

    expect(await run(later(3))).toBe(0);
    expect(await run(later(7))).toBe(1);
    expect(await run(later(7))).toBe(0);
    expect(await run(later(8))).toBe(0);

    const emails = await db().outboxEmail.findMany({ where: { workspaceId: w.workspace.id, kind: "ACTION_REMINDER" } });
    // Both of the partner organisation's contacts on the partnership; not the company's side.
    expect(emails.map((e) => e.recipientMemberId).sort()).toEqual([w.contactA.member.id, w.colleague.member.id].sort());
    expect(emails[0]!.subject).toMatch(/^Overdue: .*'s ask "Three warm intros to Nordic retailers" was due on/);
    const notes = await db().notification.findMany({ where: { workspaceId: w.workspace.id, dedupeKey: { startsWith: "ask-overdue:" } } });
    expect(notes.map((n) => n.memberId).sort()).toEqual([w.contactA.member.id, w.colleague.member.id].sort());
    expect(notes.every((n) => n.link.endsWith(`/partnerships/${w.partnershipA.id}/exchange`))).toBe(true);
    // Only the accepted, undelivered one: not the delivered one, not the one still open.
    expect((await db().exchangeReminderSent.findMany({ where: { workspaceId: w.workspace.id } })).map((r) => r.itemId)).toEqual([owed.id]);
    expect([done.id, open.id]).not.toContain(owed.id);

    // The company owes the partner's ask: its owner and host team hear, through the same job as actions.
    const team = await addMember(db(), w.workspace.id, { role: "MANAGER" });
    await db().partnershipTeamMember.create({
      data: { workspaceId: w.workspace.id, partnershipId: w.partnershipA.id, memberId: team.member.id },
    });
    const line = await runWorkspaceWork(appDb(), "action-reminders", w.workspace.id, later(22));
    expect(line).toMatch(/1 overdue ask\(s\) reminded/);
    const hostEmails = await db().outboxEmail.findMany({
      where: { workspaceId: w.workspace.id, kind: "ACTION_REMINDER", subject: { contains: "speaker slots" } },
    });
    expect(hostEmails.map((e) => e.recipientMemberId).sort()).toEqual([w.manager.member.id, team.member.id].sort());
  });

  it("reminds again when an answer moves the date, and follows the action reminder email choice", async () => {
    const w = await world();
    const run = (at: Date) => runAskReminders(forWorkspace(appDb(), w.workspace.id), at);
    const ask = await make(w, w.manager.api, "ASK", 5);
    await w.contactA.api.exchange.accept({ ...one(w, ask.id), note: "" });
    expect(await run(later(6))).toBe(1);
    await db().exchangeItem.updateMany({ where: { id: ask.id }, data: { dueDate: new Date(`${ymd(10)}T00:00:00Z`) } });
    expect(await run(later(9))).toBe(0);
    expect(await run(later(11))).toBe(1);
    expect(await db().notification.count({ where: { memberId: w.contactA.member.id, dedupeKey: { startsWith: "ask-overdue:" } } })).toBe(2);

    // Delivery follows the "action reminders" choice: turned off, the colleague's email is dropped.
    await db().user.update({ where: { id: w.colleague.user.id }, data: { emailActionReminders: false } });
    const smtp = await startSmtp();
    await deliverOutbox(forWorkspace(appDb(), w.workspace.id), { transport: smtp.transport });
    const overdue = (email: string) => smtp.to(email).filter((m) => m.subject?.startsWith("Overdue:"));
    expect(overdue(w.contactA.user.email)).toHaveLength(2);
    expect(overdue(w.colleague.user.email)).toHaveLength(0);
    const dropped = await db().outboxEmail.findMany({ where: { recipientMemberId: w.colleague.member.id, kind: "ACTION_REMINDER" } });
    expect(dropped.map((e) => e.dropReason)).toEqual([TURNED_OFF_REASON.emailActionReminders, TURNED_OFF_REASON.emailActionReminders]);
  });
});

describe("the one-sided alert", () => {
  async function deliverOffers(w: World, n: number) {
    for (let i = 0; i < n; i++) {
      const o = await make(w, w.manager.api, "OFFER", 5, `Offer number ${i + 1} of market access`);
      await w.contactA.api.exchange.accept({ ...one(w, o.id), note: "" });
      await w.contactA.api.exchange.deliver({ ...one(w, o.id), rating: 4, note: "" });
    }
  }
  const alerts = (w: World) => db().notification.findMany({ where: { workspaceId: w.workspace.id, kind: "ONE_SIDED_EXCHANGE" } });

  it("does not fire below four deliveries, fires once to the owner at the fourth, and not again", async () => {
    const w = await world();
    await deliverOffers(w, 3);
    expect(await alerts(w)).toEqual([]);
    await deliverOffers(w, 1);
    const told = await alerts(w);
    expect(told.map((n) => n.memberId)).toEqual([w.manager.member.id]);
    expect(told[0]!.title).toBe(`${w.partnershipA.name}: the exchange has become one-sided`);
    expect(told[0]!.body).toMatch(new RegExp(`most of the value came from ${w.workspace.name}: a reciprocity index of 0`));
    const emails = await db().outboxEmail.findMany({ where: { workspaceId: w.workspace.id, kind: "ALERT" } });
    expect(emails.map((e) => e.recipientMemberId)).toEqual([w.manager.member.id]);
    await deliverOffers(w, 1);
    expect(await alerts(w)).toHaveLength(1);
    // A partner contact never gets the company's alert.
    expect(told.some((n) => n.memberId === w.contactA.member.id)).toBe(false);
  });

  it("does not fire for a balanced exchange with many deliveries", async () => {
    const w = await world();
    for (let i = 0; i < 3; i++) {
      const o = await make(w, w.manager.api, "OFFER", 5, `Offer number ${i + 1} of market access`);
      await w.contactA.api.exchange.accept({ ...one(w, o.id), note: "" });
      await w.contactA.api.exchange.deliver({ ...one(w, o.id), rating: 3, note: "" });
      const p = await make(w, w.contactA.api, "OFFER", 5, `Partner offer ${i + 1} of joint webinars`);
      await w.manager.api.exchange.accept({ ...one(w, p.id), note: "" });
      await w.manager.api.exchange.deliver({ ...one(w, p.id), rating: 3, note: "" });
    }
    expect(await alerts(w)).toEqual([]);
  });
});

// Two asks of the company's (one fulfilled by the partner, rated 5), one offer of the company's
// delivered unrated (3): given HOST 3, PARTNER 5, so the index is 60.
async function someExchange(w: World) {
  const a = await make(w, w.manager.api, "ASK", 5);
  await w.contactA.api.exchange.accept({ ...one(w, a.id), note: "" });
  await w.manager.api.exchange.deliver({ ...one(w, a.id), rating: 5, note: "" });
  await make(w, w.manager.api, "ASK", 9, "A joint case study with two customers");
  const o = await make(w, w.manager.api, "OFFER", 5, "Two speaker slots at the partner summit");
  await w.contactA.api.exchange.accept({ ...one(w, o.id), note: "" });
  await db().exchangeItem.updateMany({ where: { id: o.id }, data: { status: "DELIVERED", rating: null } });
}

const sidesOf = (f: {
  sides: { name: string; asksMade: number; asksFulfilled: number; offersMade: number; offersDelivered: number; valueReceived: number }[];
}) => f.sides.map((s) => [s.name, s.asksMade, s.asksFulfilled, s.offersMade, s.offersDelivered, s.valueReceived]);

describe("the exchange in the retro summary and the renewal review", () => {
  it("the retro's summary, export and email show the exchange since the partnership began, then since the last retro", async () => {
    const w = await world();
    await someExchange(w);
    const args = { workspaceSlug: w.slug, partnershipId: w.partnershipA.id };
    const { retroId } = await w.manager.api.retro.open({ ...args, groundRules: "Be specific." });
    const advance = async () => {
      const { retro } = await w.manager.api.retro.get({ workspaceSlug: w.slug, retroId });
      await w.manager.api.retro.advance({ workspaceSlug: w.slug, retroId, version: retro.version });
    };
    await advance();
    await advance();
    await w.contactA.api.retro.addItem({ workspaceSlug: w.slug, retroId, list: "START_DOING", text: "Only idea" });
    for (let i = 0; i < 3; i++) await advance();
    const { summary } = await w.contactA.api.retro.summary({ workspaceSlug: w.slug, retroId });
    expect(summary.exchange.since).toMatch(/^since the partnership began/);
    expect(sidesOf(summary.exchange)).toEqual([
      [w.workspace.name, 2, 0, 1, 1, 5],
      [w.orgA.name, 0, 1, 0, 0, 3],
    ]);
    expect(summary.exchange.index).toBe(60);
    const email = await db().outboxEmail.findFirstOrThrow({ where: { workspaceId: w.workspace.id, kind: "RETRO_SUMMARY" } });
    expect(email.text).toContain(
      `${w.workspace.name}: made 2 asks (${w.orgA.name} fulfilled 1 of 2), delivered 1 of 1 offers, received value 5.`,
    );
    expect(email.text).toContain("Reciprocity index: 60 of 100.");

    // The next retro counts only what was made after this one closed.
    await make(w, w.contactA.api, "ASK", 5, "Three named accounts for the Q2 campaign");
    const names = { HOST: w.workspace.name, PARTNER: w.orgA.name };
    const next = await exchangeSinceLastRetro(
      forWorkspace(appDb(), w.workspace.id),
      { id: "next", partnershipId: w.partnershipA.id, closedAt: null },
      names,
    );
    expect(next.since).toMatch(/^since the .* retro \(closed /);
    expect(sidesOf(next)).toEqual([
      [w.workspace.name, 0, 0, 0, 0, 0],
      [w.orgA.name, 1, 0, 0, 0, 0],
    ]);
    expect(next.index).toBeNull();
  });

  it("the renewal review and its history export show the exchange since the last decided review", async () => {
    const w = await world();
    await someExchange(w);
    const args = { workspaceSlug: w.slug, partnershipId: w.partnershipA.id };
    const review = await w.manager.api.lifecycle.review(args);
    expect(review.exchange.since).toMatch(/^since the partnership began/);
    expect(sidesOf(review.exchange)).toEqual([
      [w.workspace.name, 2, 0, 1, 1, 5],
      [w.orgA.name, 0, 1, 0, 0, 3],
    ]);
    expect(review.exchange.index).toBe(60);
    const history = await w.manager.api.lifecycle.history(args);
    const rows = history.rows.filter((r) => r.record === "value exchange");
    expect(rows.map((r) => [r.title, r.score])).toEqual([
      [w.workspace.name, 5],
      [w.orgA.name, 3],
      ["Reciprocity index", 60],
    ]);

    await db().renewalReview.create({
      data: {
        workspaceId: w.workspace.id,
        partnershipId: w.partnershipA.id,
        renewalDate: new Date(),
        previousPhase: "ACTIVE",
        decision: "RENEW",
        decidedAt: new Date(),
      },
    });
    await make(w, w.contactA.api, "OFFER", 5, "Two speaker slots at the autumn summit");
    const after = await w.manager.api.lifecycle.review(args);
    expect(after.exchange.since).toMatch(/^since the last renewal review \(decided /);
    expect(sidesOf(after.exchange)).toEqual([
      [w.workspace.name, 0, 0, 0, 0, 0],
      [w.orgA.name, 0, 0, 1, 0, 0],
    ]);
  });
});

describe("a retro's Start doing item becomes an ask", () => {
  it("asks the other side, by the side of whoever makes it, once per item, linked to the item; refusals change nothing", async () => {
    const w = await world();
    const { retroId } = await w.manager.api.retro.open({
      workspaceSlug: w.slug,
      partnershipId: w.partnershipA.id,
      groundRules: "Be specific.",
    });
    const advance = async () => {
      const { retro } = await w.manager.api.retro.get({ workspaceSlug: w.slug, retroId });
      await w.manager.api.retro.advance({ workspaceSlug: w.slug, retroId, version: retro.version });
    };
    await advance();
    await advance();
    const well = await w.manager.api.retro.addItem({
      workspaceSlug: w.slug,
      retroId,
      list: "START_DOING",
      text: "Monthly joint forecast with named accounts",
    });
    const early = w.contactA.api.retro.makeAsk({ workspaceSlug: w.slug, itemId: well.id });
    await expectTrpcError(early, "BAD_REQUEST", /once the top items are known/);
    await advance();
    await w.manager.api.retro.vote({ workspaceSlug: w.slug, itemId: well.id });
    await advance();
    const v = await w.contactA.api.retro.get({ workspaceSlug: w.slug, retroId });
    expect(v.actions.map((a) => [a.retroItemId, a.canMakeAsk, a.ask])).toEqual([[well.id, true, null]]);
    expect((await w.executive.api.retro.get({ workspaceSlug: w.slug, retroId })).actions[0]!.canMakeAsk).toBe(false);
    await expectTrpcError(w.executive.api.retro.makeAsk({ workspaceSlug: w.slug, itemId: well.id }), "FORBIDDEN");
    await expectTrpcError(w.contactB.api.retro.makeAsk({ workspaceSlug: w.slug, itemId: well.id }), "NOT_FOUND");
    await expectTrpcError(
      w.contactA.api.retro.makeAsk({ workspaceSlug: w.slug, itemId: well.id, dueDate: ymd(-3) }),
      "BAD_REQUEST",
      /in the past/,
    );
    expect(await db().exchangeItem.count({ where: { workspaceId: w.workspace.id } })).toBe(0);

    // The partner's contact makes it: the partner asks the company.
    const made = await w.contactA.api.retro.makeAsk({ workspaceSlug: w.slug, itemId: well.id, dueDate: ymd(20) });
    const ask = await db().exchangeItem.findFirstOrThrow({ where: { id: made.id } });
    expect(ask).toMatchObject({
      kind: "ASK",
      side: "PARTNER",
      status: "OPEN",
      title: "Monthly joint forecast with named accounts",
      counterpart: w.workspace.name,
      retroItemId: well.id,
      makerId: w.contactA.member.id,
    });
    expect(ask.detail).toMatch(/retro's "Start doing" list: Monthly joint forecast/);
    // The company's people hear of it like any ask.
    expect(await db().notification.count({ where: { memberId: w.manager.member.id, kind: "EXCHANGE" } })).toBe(1);
    await expectTrpcError(w.manager.api.retro.makeAsk({ workspaceSlug: w.slug, itemId: well.id }), "CONFLICT", /already an ask/);
    const after = await w.manager.api.retro.get({ workspaceSlug: w.slug, retroId });
    expect(after.actions[0]).toMatchObject({ canMakeAsk: false, ask: { id: made.id, status: "OPEN" } });
    // And it is still an action too.
    expect(await db().action.count({ where: { retroItemId: well.id } })).toBe(1);
  });
});
