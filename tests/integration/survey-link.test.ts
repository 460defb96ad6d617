// Personal survey links: the survey-open and reminder emails carry a link that opens their
// recipient's surveys of one cycle without a password (read from the outbox, and from a real SMTP
// server on loopback); following it answers and submits; it opens nothing else (a scorecard,
// another cycle, another person's or organisation's survey, admin procedures), and stops working
// when its person leaves the workspace or the cycle, or the cycle closes; a forged token opens
// nothing. Every refusal changes nothing. The access matrix of every procedure through a link is
// in survey-link-access.test.ts.
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { describe, expect, it, onTestFinished } from "vitest";
import { createCycle } from "../../prisma/factories";
import { isSurveyLinkRefusal } from "../../server/access/survey-link";
import {
  LINK_NEEDED,
  LINK_NOT_MEMBER,
  LINK_NOT_VALID,
  linkExpired,
  linkNotAsked,
  outsideLink,
} from "../../server/access/survey-link-words";
import { forWorkspace } from "../../server/db/tenant";
import { followSurveyLink, UNKNOWN_LINK_PAGE } from "../../server/http/follow-survey-link";
import { hashToken, newToken } from "../../server/services/accounts/tokens";
import { deliverOutbox } from "../../server/services/email/deliver";
import { createMailTransport } from "../../server/services/email/transport";
import { sendDueReminders } from "../../server/services/reminders";
import { HIDDEN_LINK } from "../../server/services/survey-links/redact";
import { createLinkContext } from "../../server/trpc/link-context";
import { createCaller } from "../../server/trpc/root";
import { buildWorld, db, expectTrpcError, fullAnswers, appDb, keyOf } from "./helpers";

type World = Awaited<ReturnType<typeof buildWorld>>;

const TOKEN_IN_LINK = /\/s\/([A-Za-z0-9_-]{43})$/;
const HOUR_MS = 60 * 60 * 1000;

// A caller that presents a personal link and nothing else, as the link's endpoint does.
const linkApi = (token: string | null, linkId?: string) =>
  createCaller(createLinkContext({ token, linkId }, db(), { address: "203.0.113.9" }));

// The cycle's survey-open notices (the job's first reminder), as the schedule job sends them.
async function sendNotices(w: World, at = new Date(w.cycle.opensAt.getTime() + HOUR_MS)) {
  const cycle = await db().cycle.findFirstOrThrow({ where: { id: w.cycle.id } });
  return sendDueReminders(forWorkspace(appDb(), w.workspace.id), w.workspace, cycle, at);
}

async function emailTo(w: World, memberId: string, kind: "SURVEY_OPEN" | "REMINDER" = "SURVEY_OPEN") {
  return db().outboxEmail.findFirstOrThrow({
    where: { workspaceId: w.workspace.id, recipientMemberId: memberId, kind },
    orderBy: { createdAt: "desc" },
  });
}

function tokenOf(link: string | null) {
  const match = TOKEN_IN_LINK.exec(link ?? "");
  if (!match) throw new Error(`no personal link in ${link}`);
  return match[1]!;
}

// A world whose open cycle has sent its notices, and contact A's link from their email.
async function linkedWorld() {
  const w = await buildWorld();
  await sendNotices(w);
  const email = await emailTo(w, w.contactA.member.id);
  const token = tokenOf(email.link);
  const row = await db().surveyLink.findFirstOrThrow({ where: { tokenHash: hashToken(token) } });
  const target = { workspaceSlug: w.slug, cycleId: w.cycle.id, partnershipId: w.partnershipA.id };
  return { w, email, token, row, api: linkApi(token), target };
}

// What a refused call must leave as it was: the link's use, the audit log, the answers.
async function traces(w: World) {
  const where = { workspaceId: w.workspace.id };
  return {
    links: await db().surveyLink.findMany({ where, select: { id: true, lastUsedAt: true }, orderBy: { id: "asc" } }),
    audit: await db().auditEvent.count({ where }),
    responses: await db().response.count({ where }),
    drafts: await db().responseDraft.count({ where }),
    mutes: await db().reminderMute.count({ where }),
  };
}

// A real SMTP server on a free loopback port, closed when the test ends.
async function startSmtp() {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          received.push(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const { port } = server.server.address() as AddressInfo;
  return { received, transport: createMailTransport({ host: "127.0.0.1", port, secure: false, tls: { rejectUnauthorized: false } }) };
}

describe("the survey emails carry a personal link", () => {
  it("gives each recipient a link of their own, kept only as its hash and made with the email", async () => {
    const w = await buildWorld();
    expect(await sendNotices(w)).toBe(3);
    const emails = await db().outboxEmail.findMany({ where: { workspaceId: w.workspace.id, kind: "SURVEY_OPEN" } });
    expect(emails.map((e) => e.recipientMemberId).sort()).toEqual([w.manager.member.id, w.contactA.member.id, w.contactB.member.id].sort());
    const links = await db().surveyLink.findMany({ where: { workspaceId: w.workspace.id } });
    expect(links).toHaveLength(3);
    for (const email of emails) {
      const token = tokenOf(email.link);
      expect(email.text).toContain(email.link!);
      expect(email.text).toMatch(/This link is personal: it opens your surveys without a password until the survey closes/);
      expect(email.text).toContain(`sign in at http://localhost:3000/w/${w.slug}.`);
      const link = links.find((l) => l.tokenHash === hashToken(token));
      expect(link).toMatchObject({ memberId: email.recipientMemberId, cycleId: w.cycle.id, lastUsedAt: null });
      // The database holds no token: only its hash.
      expect(JSON.stringify(links)).not.toContain(token);
    }

    // A week in, the reminder carries a new link; the first one keeps working.
    const weekIn = new Date(w.cycle.opensAt.getTime() + 8 * 24 * HOUR_MS);
    expect(await sendNotices(w, weekIn)).toBe(3);
    const reminder = await emailTo(w, w.contactA.member.id, "REMINDER");
    const first = await emailTo(w, w.contactA.member.id);
    expect(tokenOf(reminder.link)).not.toBe(tokenOf(first.link));
    expect(reminder.text).toContain(reminder.link!);
    expect(await db().surveyLink.count({ where: { workspaceId: w.workspace.id, memberId: w.contactA.member.id } })).toBe(2);
    await linkApi(tokenOf(first.link)).surveyLink.overview();
    await linkApi(tokenOf(reminder.link)).surveyLink.overview();
  });

  it("reaches its recipient over SMTP; the admins' outbox never shows it, and the stored copy drops it once sent", async () => {
    const { w, email, token } = await linkedWorld();
    const link = email.link!;

    // An admin reading the outbox could otherwise answer as the recipient.
    const outbox = await w.owner.api.outbox.list({ workspaceSlug: w.slug });
    const listed = outbox.emails.find((e) => e.id === email.id)!;
    expect(listed.text).not.toContain(token);
    expect(listed.text).toContain(HIDDEN_LINK);
    expect(listed.link).toBeNull();
    expect(JSON.stringify(outbox)).not.toMatch(/\/s\/[A-Za-z0-9_-]{43}/);

    const smtp = await startSmtp();
    expect(await deliverOutbox(forWorkspace(appDb(), w.workspace.id), { transport: smtp.transport })).toMatchObject({ sent: 3, failed: 0 });
    const mail = smtp.received.find((m) => m.text?.includes(link));
    expect(mail, "the contact's email, with their link").toBeDefined();
    expect(mail!.to).toMatchObject({ value: [{ address: w.contactA.user.email }] });
    expect(mail!.subject).toContain(w.cycle.label);

    const stored = await db().outboxEmail.findFirstOrThrow({ where: { id: email.id } });
    expect(stored.sentAt).not.toBeNull();
    expect(stored.text).not.toContain(token);
    expect(stored.text).toContain(HIDDEN_LINK);
    expect(stored.link).toBe(HIDDEN_LINK);
    expect(await db().outboxEmail.count({ where: { workspaceId: w.workspace.id, text: { contains: "/s/" } } })).toBe(0);

    // The link read from the received email works.
    const received = /http:\/\/localhost:3000\/s\/[A-Za-z0-9_-]{43}/.exec(mail!.text!)![0];
    const opened = await linkApi(tokenOf(received)).surveyLink.open();
    expect(opened).toMatchObject({ workspaceSlug: w.slug, cycleId: w.cycle.id, partnershipId: w.partnershipA.id });
  });
});

describe("following a personal link", () => {
  it("opens the person's survey at once, without a session, and lets them save, mute reminders and submit", async () => {
    const { w, api, target, row } = await linkedWorld();
    const opened = await api.surveyLink.open();
    expect(opened).toMatchObject({ linkId: row.id, userId: w.contactA.user.id, partnershipId: w.partnershipA.id });

    const overview = await api.surveyLink.overview();
    expect(overview).toMatchObject({
      workspace: { name: w.workspace.name, slug: w.slug },
      person: { userId: w.contactA.user.id, name: w.contactA.user.name },
      cycle: { id: w.cycle.id, label: w.cycle.label },
      surveys: [{ partnershipId: w.partnershipA.id, partnershipName: w.partnershipA.name, submittedAt: null }],
    });

    const form = await api.response.form(target);
    expect(form).toMatchObject({ memberId: w.contactA.member.id, side: "PARTNER", partnership: { id: w.partnershipA.id } });
    const answers = await fullAnswers(w.cycle.id, 4);
    const draft = await api.response.saveDraft({ ...target, answers: answers.slice(0, 3), comments: [], baseVersion: null });
    expect(draft.version).toBe(1);
    expect((await api.response.form(target)).draft?.answers).toEqual(
      Object.fromEntries(answers.slice(0, 3).map((a) => [a.statementId, 4])),
    );
    expect(await api.response.muteReminders({ workspaceSlug: w.slug, cycleId: w.cycle.id, muted: true })).toEqual({ muted: true });

    const submitted = await api.response.submit({ ...target, answers, comments: [] });
    const response = await db().response.findFirstOrThrow({ where: { id: submitted.responseId } });
    expect(response).toMatchObject({
      memberId: w.contactA.member.id,
      side: "PARTNER",
      cycleId: w.cycle.id,
      partnershipId: w.partnershipA.id,
    });
    // The person's own signed-in view sees the same answer.
    expect((await w.contactA.api.response.form(target)).previous?.answers).toEqual(
      Object.fromEntries(answers.map((a) => [a.statementId, 4])),
    );
    // Submitted, the link leads to the list of the cycle's surveys, where answers can still change.
    expect((await api.surveyLink.open()).partnershipId).toBeNull();
    expect((await api.surveyLink.overview()).surveys[0]!.submittedAt).not.toBeNull();
  });

  it("goes straight to the survey with its cookie, or to the person's own pages when the browser is signed in as them", async () => {
    const { w, token, row } = await linkedWorld();
    const closesAt = w.cycle.closesAt.getTime();

    const signedOut = await followSurveyLink(token, { sessionUserId: null, address: null });
    expect(signedOut.location).toBe(`/survey/${row.id}/${w.partnershipA.id}`);
    expect(signedOut.cookie).toMatchObject({ name: "ph-survey-link", value: token, path: `/survey/${row.id}` });
    expect(signedOut.cookie!.expires.getTime()).toBeGreaterThan(closesAt);

    // Someone else's session: the link's person answers, on the link's pages.
    const otherSession = await followSurveyLink(token, { sessionUserId: w.manager.user.id, address: null });
    expect(otherSession).toEqual(signedOut);

    // Their own session: their own pages, with the whole app around them, and no link cookie.
    const ownSession = await followSurveyLink(token, { sessionUserId: w.contactA.user.id, address: null });
    expect(ownSession).toEqual({ location: `/w/${w.slug}/surveys/${w.cycle.id}/${w.partnershipA.id}`, cookie: null });

    // The manager is asked about two partnerships: their link leads to the list of both.
    const managerToken = tokenOf((await emailTo(w, w.manager.member.id)).link);
    const managerLink = await db().surveyLink.findFirstOrThrow({ where: { tokenHash: hashToken(managerToken) } });
    const manager = await followSurveyLink(managerToken, { sessionUserId: null, address: null });
    expect(manager.location).toBe(`/survey/${managerLink.id}`);
    expect((await linkApi(managerToken).surveyLink.overview()).surveys.map((s) => s.partnershipId).sort()).toEqual(
      [w.partnershipA.id, w.partnershipB.id].sort(),
    );
  });

  it("records its use: when it was last followed, and in the audit log at most once a day", async () => {
    const { w, api, row } = await linkedWorld();
    const audited = () => db().auditEvent.findMany({ where: { workspaceId: w.workspace.id, action: "survey_link.used" } });
    const before = Date.now();
    await api.surveyLink.open();
    const first = await db().surveyLink.findFirstOrThrow({ where: { id: row.id } });
    expect(first.lastUsedAt!.getTime()).toBeGreaterThanOrEqual(before);
    expect(await audited()).toEqual([
      expect.objectContaining({
        userId: w.contactA.user.id,
        actorUserId: w.contactA.user.id,
        email: w.contactA.user.email,
        target: `${w.cycle.label} survey`,
        address: "203.0.113.9",
        detail: { linkId: row.id, cycleId: w.cycle.id, memberId: w.contactA.member.id },
      }),
    ]);

    await api.surveyLink.open();
    expect(await audited()).toHaveLength(1);
    expect((await db().surveyLink.findFirstOrThrow({ where: { id: row.id } })).lastUsedAt!.getTime()).toBeGreaterThanOrEqual(
      first.lastUsedAt!.getTime(),
    );
    // Using the survey is not following the link: no new entry.
    await api.surveyLink.overview();
    expect(await audited()).toHaveLength(1);

    // A day later it is a new use.
    await db().surveyLink.update({ where: keyOf(row), data: { lastUsedAt: new Date(Date.now() - 25 * HOUR_MS) } });
    await api.surveyLink.open();
    expect(await audited()).toHaveLength(2);
  });
});

describe("what a personal link does not open", () => {
  it("asks for a sign-in for any other procedure: scorecards, the portfolio, admin pages, the person's other reads", async () => {
    const { w, api } = await linkedWorld();
    const before = await traces(w);
    const slug = { workspaceSlug: w.slug };
    const a = { ...slug, partnershipId: w.partnershipA.id };
    const refused = [
      api.partnership.scorecard(a),
      api.partnership.scorecardWork(a),
      api.partnership.list(slug),
      api.portfolio.overview(slug),
      api.member.list(slug),
      api.outbox.list(slug),
      api.cycle.list(slug),
      api.cycle.get({ ...slug, cycleId: w.cycle.id }),
      api.cycle.close({ ...slug, cycleId: w.cycle.id }),
      api.participant.list({ ...slug, cycleId: w.cycle.id }),
      api.response.owed(slug),
      api.workspace.current(slug),
      api.workspace.mine(),
      api.user.me(),
      api.notification.unreadCount(slug),
    ];
    for (const call of refused) await expectTrpcError(call, "UNAUTHORIZED", /^Please sign in\.$/);
    expect(await traces(w)).toEqual(before);
  });

  it("opens only its own cycle, workspace and surveys: another organisation's partnership answers like a random id", async () => {
    const { w, api, target } = await linkedWorld();
    // An earlier cycle (one is open at a time) the person was asked in too: not through this link.
    const other = await createCycle(db(), w.workspace.id, { label: "Other cycle", status: "CLOSED" });
    expect(await db().cycleParticipant.count({ where: { cycleId: other.id, memberId: w.contactA.member.id } })).toBeGreaterThan(0);
    const before = await traces(w);
    const outside = new RegExp(`^${outsideLink(w.cycle.label).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);
    const answers = await fullAnswers(w.cycle.id, 4);

    await expectTrpcError(api.response.form({ ...target, cycleId: other.id }), "UNAUTHORIZED", outside);
    await expectTrpcError(api.response.submit({ ...target, cycleId: other.id, answers, comments: [] }), "UNAUTHORIZED", outside);
    await expectTrpcError(api.response.muteReminders({ workspaceSlug: w.slug, cycleId: other.id, muted: true }), "UNAUTHORIZED", outside);
    // Contact A's link, on organisation B's partnership, on a random id, in another workspace.
    const onB = await expectTrpcError(api.response.form({ ...target, partnershipId: w.partnershipB.id }), "UNAUTHORIZED", outside);
    const random = await expectTrpcError(
      api.response.form({ ...target, partnershipId: "c0123456789abcdefghijklmn" }),
      "UNAUTHORIZED",
      outside,
    );
    expect(onB.message).toBe(random.message);
    expect(onB.message).not.toContain(w.partnershipB.name);
    await expectTrpcError(
      api.response.submit({ ...target, partnershipId: w.partnershipB.id, answers, comments: [] }),
      "UNAUTHORIZED",
      outside,
    );
    await expectTrpcError(api.response.form({ ...target, workspaceSlug: "another-workspace" }), "UNAUTHORIZED", outside);
    expect(await traces(w)).toEqual(before);

    // Contact B's link opens B's survey and nothing of A's; what it shows never names A.
    const tokenB = tokenOf((await emailTo(w, w.contactB.member.id)).link);
    const apiB = linkApi(tokenB);
    const overviewB = await apiB.surveyLink.overview();
    expect(JSON.stringify(overviewB)).not.toContain(w.partnershipA.name);
    expect(JSON.stringify(overviewB)).not.toContain(w.orgA.name);
    await expectTrpcError(apiB.response.form(target), "UNAUTHORIZED", outside);
    expect((await apiB.response.form({ ...target, partnershipId: w.partnershipB.id })).partnership.id).toBe(w.partnershipB.id);
  });

  it("is no cookie for the rest of the app: a signed-in procedure never reads a link, and a link never reads a session", async () => {
    const { w, token } = await linkedWorld();
    // Both at once (no builder of this app makes such a context): the link counts only on the
    // survey steps, and only as its own person; everything else is signed out.
    const both = createCaller({ ...createLinkContext({ token }, db()), userId: w.owner.user.id });
    await expectTrpcError(both.member.list({ workspaceSlug: w.slug }), "UNAUTHORIZED");
    await expectTrpcError(both.user.me(), "UNAUTHORIZED");
    expect((await both.response.form({ workspaceSlug: w.slug, cycleId: w.cycle.id, partnershipId: w.partnershipA.id })).memberId).toBe(
      w.contactA.member.id,
    );
    // A session alone has no link: the link's own procedures ask for it.
    await expectTrpcError(w.contactA.api.surveyLink.overview(), "UNAUTHORIZED", new RegExp(`^${LINK_NEEDED}$`));
  });
});

describe("a personal link stops working", () => {
  async function expectRefused(w: World, token: string, message: string, kind: "invalid" | "expired" | "revoked", linkId?: string) {
    const before = await traces(w);
    const api = linkApi(token, linkId);
    const exact = new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);
    const error = await expectTrpcError(api.surveyLink.open(), "UNAUTHORIZED", exact);
    expect(isSurveyLinkRefusal(error.cause) && error.cause.kind).toBe(kind);
    await expectTrpcError(api.surveyLink.overview(), "UNAUTHORIZED", exact);
    const target = { workspaceSlug: w.slug, cycleId: w.cycle.id, partnershipId: w.partnershipA.id };
    await expectTrpcError(api.response.form(target), "UNAUTHORIZED", exact);
    await expectTrpcError(api.response.saveDraft({ ...target, answers: [], comments: [], baseVersion: null }), "UNAUTHORIZED", exact);
    await expectTrpcError(
      api.response.submit({ ...target, answers: await fullAnswers(w.cycle.id, 3), comments: [] }),
      "UNAUTHORIZED",
      exact,
    );
    // Followed from the email, the refusal is said on the link's own page (its cookie set for a
    // day), or, for a link that does not exist, on the page for links that do not.
    if (linkId === undefined) {
      const followed = await followSurveyLink(token, { sessionUserId: null, address: null });
      if (kind === "invalid") expect(followed).toEqual({ location: UNKNOWN_LINK_PAGE, cookie: null });
      else expect(followed).toMatchObject({ location: expect.stringMatching(/^\/survey\/[^/]+$/), cookie: { value: token } });
    }
    expect(await traces(w)).toEqual(before);
  }

  it("when its person is removed from the workspace", async () => {
    const { w, token } = await linkedWorld();
    await w.owner.api.member.remove({ workspaceSlug: w.slug, memberId: w.contactA.member.id });
    await expectRefused(w, token, LINK_NOT_MEMBER, "revoked");
  });

  it("when its person is taken off the cycle's list (and works again if put back)", async () => {
    const { w, token, target } = await linkedWorld();
    await w.manager.api.participant.remove({ ...target, memberId: w.contactA.member.id });
    await expectRefused(w, token, linkNotAsked(w.cycle.label), "revoked");
    await w.manager.api.participant.add({ ...target, memberId: w.contactA.member.id });
    expect((await linkApi(token).surveyLink.open()).partnershipId).toBe(w.partnershipA.id);
  });

  it("when the cycle closes, saying when (and again while an admin reopens it)", async () => {
    const { w, token } = await linkedWorld();
    await w.owner.api.cycle.close({ workspaceSlug: w.slug, cycleId: w.cycle.id });
    const closed = await db().cycle.findFirstOrThrow({ where: { id: w.cycle.id } });
    expect(linkExpired(closed)).toMatch(/^This survey link has expired: the .* survey closed on \d{1,2} \w+ \d{4}\.$/);
    await expectRefused(w, token, linkExpired(closed), "expired");
    await w.owner.api.cycle.open({ workspaceSlug: w.slug, cycleId: w.cycle.id });
    await linkApi(token).surveyLink.overview();
  });

  it("never worked for a random, forged, cut or padded token, nor for another link's cookie", async () => {
    const { w, token, row } = await linkedWorld();
    for (const forged of [
      newToken(),
      token.slice(0, 42),
      `${token}A`,
      token.toUpperCase() === token ? token.toLowerCase() : token.toUpperCase(),
      "",
      "../" + token,
    ]) {
      await expectRefused(w, forged, LINK_NOT_VALID, "invalid");
    }
    // Contact B's cookie sent to contact A's link's pages (the ids must agree).
    const tokenB = tokenOf((await emailTo(w, w.contactB.member.id)).link);
    await expectRefused(w, tokenB, LINK_NOT_VALID, "invalid", row.id);
    // No cookie at all on a link's page.
    await expectTrpcError(
      linkApi(null, row.id).surveyLink.overview(),
      "UNAUTHORIZED",
      new RegExp(`^${LINK_NOT_VALID.replace(/[.()]/g, "\\$&")}$`),
    );
  });
});
