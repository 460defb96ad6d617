// The account page's procedures: name, email choices, password change (and a first password for
// an account that signs in by link), email change confirmed from the new inbox, the workspaces
// one belongs to, and one's own account activity. Every refusal is checked to change nothing.
import { describe, expect, it } from "vitest";
import { addMember, createPartnerOrg, createUser, createWorkspaceWithOwner, TEST_PASSWORD, unique } from "../../prisma/factories";
import { authenticate } from "../../server/services/authenticate";
import { deliverAccountEmails } from "../../server/services/accounts/account-emails";
import { ENTER_CURRENT_PASSWORD, SIGN_IN_AGAIN, WRONG_CURRENT_PASSWORD } from "../../server/services/accounts/confirm-identity";
import {
  ADDRESS_UNUSABLE,
  EARLIER_CHANGE,
  MAX_REQUESTS_PER_HOUR,
  SAME_EMAIL,
  TOO_MANY_REQUESTS,
} from "../../server/services/accounts/email-change";
import { SAME_PASSWORD } from "../../server/services/accounts/password-change";
import { hashToken, issueToken, LINK_EXPIRED, LINK_INVALID, LINK_USED } from "../../server/services/accounts/tokens";
import { callerFor, db, expectTrpcError, appDb } from "./helpers";
import { startSmtp } from "./loopback-smtp";
import { replay, signedIn } from "./session-cookies";

const newAddress = () => `${unique("moved")}@example.test`.toLowerCase();
const tokenOf = (link: string | null) => new URL(link!).searchParams.get("token")!;

async function person(opts: { password?: string | null } = {}) {
  const user = await createUser(db(), { name: "Pat Person" });
  if (opts.password === null) await db().user.update({ where: { id: user.id }, data: { passwordHash: null } });
  return user;
}

const userRow = (id: string) => db().user.findUniqueOrThrow({ where: { id } });
const eventsOf = (userId: string, action?: string) =>
  db().accountAuditEvent.findMany({ where: { userId, ...(action ? { action } : {}) }, orderBy: { createdAt: "asc" } });

describe("the account overview", () => {
  it("shows name, email, password state, email choices and every workspace with its role (and organisation for a contact)", async () => {
    const { workspace: a, user } = await createWorkspaceWithOwner(db(), { name: "Northwind Account Test" });
    const { workspace: b } = await createWorkspaceWithOwner(db(), { name: "Contoso Account Test" });
    const org = await createPartnerOrg(db(), b.id, { name: "Fabrikam Account Org" });
    await db().member.create({ data: { workspaceId: b.id, userId: user.id, role: "PARTNER", partnerOrgId: org.id } });
    // A workspace left behind is not listed.
    const { workspace: c } = await createWorkspaceWithOwner(db(), { name: "Left Behind" });
    await db().member.create({ data: { workspaceId: c.id, userId: user.id, role: "MANAGER", removedAt: new Date() } });

    const overview = await callerFor(user.id).account.overview();
    expect(overview).toMatchObject({
      name: user.name,
      email: user.email,
      hasPassword: true,
      emails: { emailSurveyReminders: true, emailActionReminders: true, emailAlerts: true, emailRetroSummaries: true },
    });
    expect(overview.workspaces).toEqual([
      { slug: a.slug, name: "Northwind Account Test", role: "OWNER", partnerOrgName: null },
      { slug: b.slug, name: "Contoso Account Test", role: "PARTNER", partnerOrgName: "Fabrikam Account Org" },
    ]);
  });

  it("asks signed-out callers to sign in", async () => {
    await expectTrpcError(callerFor(null).account.overview(), "UNAUTHORIZED", /Please sign in/);
  });
});

describe("changing one's name and email choices", () => {
  it("renames (spaces tidied), records it, and refuses an empty name without changing anything", async () => {
    const user = await person();
    const api = callerFor(user.id);
    expect(await api.account.rename({ name: "  Pat   Q.  Person " })).toEqual({ name: "Pat Q. Person" });
    expect((await userRow(user.id)).name).toBe("Pat Q. Person");
    const [event] = await eventsOf(user.id, "account.updated");
    expect(event!.detail).toEqual({ name: { from: "Pat Person", to: "Pat Q. Person" } });

    await expectTrpcError(api.account.rename({ name: "   " }), "BAD_REQUEST", /Enter your name\./);
    await expectTrpcError(api.account.rename({ name: "x".repeat(81) }), "BAD_REQUEST");
    expect((await userRow(user.id)).name).toBe("Pat Q. Person");
  });

  it("saves the four email choices together, and refuses a partial or unknown one", async () => {
    const user = await person();
    const api = callerFor(user.id);
    const choices = { emailSurveyReminders: false, emailActionReminders: true, emailAlerts: false, emailRetroSummaries: true };
    expect(await api.account.updateEmails(choices)).toEqual(choices);
    expect(await userRow(user.id)).toMatchObject(choices);
    const [event] = await eventsOf(user.id, "account.updated");
    expect(event!.detail).toEqual({ emails: { emailSurveyReminders: false, emailAlerts: false } });

    await expectTrpcError(api.account.updateEmails({ emailAlerts: true } as never), "BAD_REQUEST");
    await expectTrpcError(api.account.updateEmails({ ...choices, emailInvitations: false } as never), "BAD_REQUEST");
    expect(await userRow(user.id)).toMatchObject(choices);
  });
});

describe("changing the password", () => {
  it("needs the current password; a wrong one changes nothing and is recorded", async () => {
    const user = await person();
    const before = (await userRow(user.id)).passwordHash;
    const api = callerFor(user.id);
    await expectTrpcError(
      api.account.changePassword({ newPassword: "a-brand-new-password" }),
      "BAD_REQUEST",
      new RegExp(ENTER_CURRENT_PASSWORD),
    );
    await expectTrpcError(
      api.account.changePassword({ currentPassword: "not-my-password", newPassword: "a-brand-new-password" }),
      "BAD_REQUEST",
      new RegExp(`^${WRONG_CURRENT_PASSWORD}$`),
    );
    expect((await userRow(user.id)).passwordHash).toBe(before);
    expect(await eventsOf(user.id, "password.check_failed")).toHaveLength(1);
    expect(await eventsOf(user.id, "password.changed")).toHaveLength(0);
  });

  it("checks the current password under the sign-in throttle: repeated wrong ones wait, as at sign-in", async () => {
    const user = await person();
    const browser = await signedIn(user, { address: "198.51.100.23" });
    const wrong = () => browser.api.account.changePassword({ currentPassword: "guess-guess-guess", newPassword: "a-brand-new-password" });
    for (let i = 0; i < 4; i++) await expectTrpcError(wrong(), "BAD_REQUEST", new RegExp(WRONG_CURRENT_PASSWORD));
    await expectTrpcError(wrong(), "TOO_MANY_REQUESTS", /^Too many failed sign-in attempts from here\. Try again in/);
    // Even the right one waits from there.
    await expectTrpcError(
      browser.api.account.changePassword({ currentPassword: TEST_PASSWORD, newPassword: "a-brand-new-password" }),
      "TOO_MANY_REQUESTS",
    );
    expect(await authenticate(appDb(), { email: user.email, password: TEST_PASSWORD }, "198.51.100.99")).toMatchObject({ id: user.id });
  });

  it("refuses a short new password and the same password, changing nothing", async () => {
    const user = await person();
    const api = callerFor(user.id);
    await expectTrpcError(
      api.account.changePassword({ currentPassword: TEST_PASSWORD, newPassword: "short" }),
      "BAD_REQUEST",
      /at least 10/,
    );
    await expectTrpcError(
      api.account.changePassword({ currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD }),
      "BAD_REQUEST",
      new RegExp(SAME_PASSWORD),
    );
    expect((await authenticate(appDb(), { email: user.email, password: TEST_PASSWORD }, null)).id).toBe(user.id);
  });

  it("sets the new password, ends every other session, keeps this one, and retires reset links", async () => {
    const user = await person();
    const here = await signedIn(user);
    const phone = await signedIn(user, { userAgent: "iPhone" });
    const laptop = await signedIn(user);
    const reset = await issueToken(appDb(), { purpose: "PASSWORD_RESET", email: user.email, userId: user.id });

    expect(await here.api.account.changePassword({ currentPassword: TEST_PASSWORD, newPassword: "a-brand-new-password" })).toEqual({
      firstPassword: false,
      otherSessionsEnded: 2,
    });
    await expect(authenticate(appDb(), { email: user.email, password: TEST_PASSWORD }, "192.0.2.1")).rejects.toThrow();
    expect((await authenticate(appDb(), { email: user.email, password: "a-brand-new-password" }, "192.0.2.2")).id).toBe(user.id);
    expect((await userRow(user.id)).passwordChangedAt).toBeInstanceOf(Date);

    expect(await replay(here.cookie)).toBe(user.id);
    expect(await replay(phone.cookie)).toBeNull();
    expect(await replay(laptop.cookie)).toBeNull();
    expect(await db().userSession.findUniqueOrThrow({ where: { id: phone.sessionId } })).toMatchObject({ endReason: "PASSWORD_CHANGED" });
    expect((await db().authToken.findUniqueOrThrow({ where: { tokenHash: hashToken(reset) } })).usedAt).toBeInstanceOf(Date);
    const [event] = await eventsOf(user.id, "password.changed");
    expect(event).toMatchObject({ actorUserId: user.id, address: "203.0.113.7", detail: { firstPassword: false, otherSessionsEnded: 2 } });
  });

  it("lets an account without a password choose one only right after a sign-in by emailed link", async () => {
    const user = await person({ password: null });
    const byPassword = await signedIn(user, { method: "PASSWORD" });
    await expectTrpcError(
      byPassword.api.account.changePassword({ newPassword: "my-first-password" }),
      "BAD_REQUEST",
      new RegExp(SIGN_IN_AGAIN.slice(0, 40)),
    );
    // An in-process caller has no session at all.
    await expectTrpcError(callerFor(user.id).account.changePassword({ newPassword: "my-first-password" }), "BAD_REQUEST");
    // A link sign-in of 20 minutes ago is too old.
    const old = await signedIn(user, { method: "EMAIL_LINK" });
    await db().userSession.update({ where: { id: old.sessionId }, data: { createdAt: new Date(Date.now() - 20 * 60_000) } });
    await expectTrpcError(old.api.account.changePassword({ newPassword: "my-first-password" }), "BAD_REQUEST");
    expect((await userRow(user.id)).passwordHash).toBeNull();

    const fresh = await signedIn(user, { method: "EMAIL_LINK" });
    expect((await fresh.api.account.overview()).recentlyProved).toBe(true);
    expect(await fresh.api.account.changePassword({ newPassword: "my-first-password" })).toEqual({
      firstPassword: true,
      otherSessionsEnded: 2,
    });
    expect((await authenticate(appDb(), { email: user.email, password: "my-first-password" }, null)).id).toBe(user.id);
    expect(await replay(byPassword.cookie)).toBeNull();
    expect(await replay(fresh.cookie)).toBe(user.id);
  });
});

describe("changing the email address", () => {
  async function requested(user: { id: string; email: string; name: string }, to = newAddress()) {
    const browser = await signedIn(user);
    expect(await browser.api.account.requestEmailChange({ email: to, currentPassword: TEST_PASSWORD })).toEqual({ sentTo: to, hours: 24 });
    const email = await db().accountEmail.findFirstOrThrow({ where: { to, kind: "EMAIL_CHANGE" }, orderBy: { createdAt: "desc" } });
    return { browser, to, email, token: tokenOf(email.link) };
  }

  it("sends a confirmation link to the new address, over SMTP, and changes nothing until it is followed", async () => {
    const user = await person();
    const smtp = await startSmtp();
    const { to, email, token } = await requested(user);
    expect(email.link).toMatch(/\/account\/email\?token=[A-Za-z0-9_-]{43}$/);
    expect((await userRow(user.id)).email).toBe(user.email);
    const row = await db().authToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
    expect(row).toMatchObject({ purpose: "EMAIL_CHANGE", userId: user.id, email: to, data: { newEmail: to, oldEmail: user.email } });
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeCloseTo(24 * 60 * 60_000, -4);

    await deliverAccountEmails(appDb(), { transport: smtp.transport, to: [to] });
    const [mail] = smtp.to(to);
    expect(mail!.subject).toBe("Confirm your new email address for Partnership Health");
    expect(mail!.text).toContain(email.link!);
    const [event] = await eventsOf(user.id, "email.change_requested");
    expect(event!.detail).toEqual({ newEmail: to });
  });

  it("answers alike for an address that already has an account, and tells only that inbox it cannot be used", async () => {
    const user = await person();
    const other = await person();
    const browser = await signedIn(user);
    const answer = await browser.api.account.requestEmailChange({
      email: ` ${other.email.toUpperCase()} `,
      currentPassword: TEST_PASSWORD,
    });
    expect(answer).toEqual({ sentTo: other.email, hours: 24 });
    expect(await db().authToken.count({ where: { userId: user.id, purpose: "EMAIL_CHANGE" } })).toBe(0);
    const [notice] = await db().accountEmail.findMany({ where: { to: other.email } });
    expect(notice).toMatchObject({ kind: "EMAIL_CHANGE", subject: "This address cannot be used for another Partnership Health account" });
    expect(notice!.text).not.toContain(user.email);
    expect(notice!.text).not.toContain(user.name);
    // The requester's own record says nothing of it either.
    const [event] = await eventsOf(user.id, "email.change_requested");
    expect(event!.detail).toEqual({ newEmail: other.email });
  });

  it("refuses a wrong current password, the same address and a sixth request in an hour, sending nothing", async () => {
    const user = await person();
    const browser = await signedIn(user);
    const to = newAddress();
    await expectTrpcError(
      browser.api.account.requestEmailChange({ email: to, currentPassword: "not-it-at-all" }),
      "BAD_REQUEST",
      new RegExp(WRONG_CURRENT_PASSWORD),
    );
    await expectTrpcError(browser.api.account.requestEmailChange({ email: to }), "BAD_REQUEST", new RegExp(ENTER_CURRENT_PASSWORD));
    await expectTrpcError(
      browser.api.account.requestEmailChange({ email: user.email, currentPassword: TEST_PASSWORD }),
      "BAD_REQUEST",
      new RegExp(SAME_EMAIL),
    );
    await expectTrpcError(
      browser.api.account.requestEmailChange({ email: "not an address", currentPassword: TEST_PASSWORD }),
      "BAD_REQUEST",
      /Enter an email address/,
    );
    expect(await db().accountEmail.count({ where: { to } })).toBe(0);

    for (let i = 0; i < MAX_REQUESTS_PER_HOUR; i++) {
      await browser.api.account.requestEmailChange({ email: newAddress(), currentPassword: TEST_PASSWORD });
    }
    const sixth = newAddress();
    await expectTrpcError(
      browser.api.account.requestEmailChange({ email: sixth, currentPassword: TEST_PASSWORD }),
      "TOO_MANY_REQUESTS",
      new RegExp(TOO_MANY_REQUESTS),
    );
    expect(await db().accountEmail.count({ where: { to: sixth } })).toBe(0);
    // Only the last link works: each request retires the ones before.
    expect(await db().authToken.count({ where: { userId: user.id, purpose: "EMAIL_CHANGE", usedAt: null } })).toBe(1);
  });

  it("confirms from the link: the address changes, the old one is told, other sessions end, old links stop working", async () => {
    const user = await person();
    const { browser, to, token } = await requested(user);
    const elsewhere = await signedIn(user);
    const signInLink = await issueToken(appDb(), { purpose: "SIGN_IN", email: user.email, userId: user.id });

    expect(await browser.api.account.emailChange({ token })).toMatchObject({ currentEmail: user.email, newEmail: to });
    expect(await browser.api.account.confirmEmailChange({ token })).toEqual({ email: to, otherSessionsEnded: 1 });

    expect((await userRow(user.id)).email).toBe(to);
    expect((await authenticate(appDb(), { email: to, password: TEST_PASSWORD }, null)).id).toBe(user.id);
    const [notice] = await db().accountEmail.findMany({ where: { to: user.email, kind: "EMAIL_CHANGED_NOTICE" } });
    expect(notice!.subject).toBe("The email address of your Partnership Health account was changed");
    expect(notice!.text).toContain(`${user.email} to ${to}`);
    expect(await replay(browser.cookie)).toBe(user.id);
    expect(await replay(elsewhere.cookie)).toBeNull();
    expect(await db().userSession.findUniqueOrThrow({ where: { id: elsewhere.sessionId } })).toMatchObject({ endReason: "EMAIL_CHANGED" });
    expect((await db().authToken.findUniqueOrThrow({ where: { tokenHash: hashToken(signInLink) } })).usedAt).toBeInstanceOf(Date);
    const [event] = await eventsOf(user.id, "email.changed");
    expect(event).toMatchObject({ email: to, detail: { from: user.email, to, otherSessionsEnded: 1 } });

    // The link works once.
    await expectTrpcError(browser.api.account.confirmEmailChange({ token }), "BAD_REQUEST", new RegExp(LINK_USED));
  });

  it("refuses an expired link, and a link for an earlier address", async () => {
    const user = await person();
    const { browser, token } = await requested(user);
    await db().authToken.update({ where: { tokenHash: hashToken(token) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expectTrpcError(browser.api.account.emailChange({ token }), "BAD_REQUEST", new RegExp(LINK_EXPIRED));
    await expectTrpcError(browser.api.account.confirmEmailChange({ token }), "BAD_REQUEST", new RegExp(LINK_EXPIRED));

    const second = await requested(user);
    // The account's address changed some other way since the link was sent.
    await db().user.update({ where: { id: user.id }, data: { email: newAddress() } });
    await expectTrpcError(
      second.browser.api.account.confirmEmailChange({ token: second.token }),
      "BAD_REQUEST",
      new RegExp(EARLIER_CHANGE),
    );
  });

  it("refuses the link to another account, without using it up", async () => {
    const user = await person();
    const stranger = await person();
    const { browser, to, token } = await requested(user);
    await expectTrpcError(callerFor(stranger.id).account.emailChange({ token }), "BAD_REQUEST", new RegExp(`^${LINK_INVALID}$`));
    await expectTrpcError(callerFor(stranger.id).account.confirmEmailChange({ token }), "BAD_REQUEST", new RegExp(`^${LINK_INVALID}$`));
    expect((await userRow(stranger.id)).email).toBe(stranger.email);
    expect(await browser.api.account.confirmEmailChange({ token })).toMatchObject({ email: to });
  });

  it("says the address cannot be used when it was taken between the request and the confirmation", async () => {
    const user = await person();
    const { browser, to, token } = await requested(user);
    await createUser(db(), { email: to });
    await expectTrpcError(browser.api.account.confirmEmailChange({ token }), "BAD_REQUEST", new RegExp(`^${ADDRESS_UNUSABLE}$`));
    expect((await userRow(user.id)).email).toBe(user.email);
    expect((await db().authToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } })).usedAt).toBeNull();
    expect(await db().accountEmail.count({ where: { to: user.email, kind: "EMAIL_CHANGED_NOTICE" } })).toBe(0);
  });

  it("needs a fresh sign-in by link, instead of a password, for an account without one", async () => {
    const user = await person({ password: null });
    const byPassword = await signedIn(user);
    await expectTrpcError(
      byPassword.api.account.requestEmailChange({ email: newAddress() }),
      "BAD_REQUEST",
      /sign in again with an emailed link/,
    );
    const byLink = await signedIn(user, { method: "EMAIL_LINK" });
    const to = newAddress();
    expect(await byLink.api.account.requestEmailChange({ email: to })).toEqual({ sentTo: to, hours: 24 });
  });
});

describe("one's own account activity", () => {
  it("lists the account's own events, newest first, a page at a time, and no one else's", async () => {
    const user = await person();
    const other = await person();
    await signedIn(other);
    const browser = await signedIn(user);
    await browser.api.account.rename({ name: "Renamed Once" });
    await expect(authenticate(appDb(), { email: user.email, password: "wrong-password!" }, "192.0.2.44")).rejects.toThrow();
    for (let i = 0; i < 20; i++)
      await db().accountAuditEvent.create({ data: { action: "signin.succeeded", userId: user.id, detail: { method: "EMAIL_LINK" } } });

    const first = await browser.api.account.activity({});
    expect(first.events).toHaveLength(20);
    expect(first.events.every((e) => e.action === "signin.succeeded")).toBe(true);
    expect(first.events[0]).toMatchObject({ label: "Signed in", description: "With an emailed link", byOther: false });
    const second = await browser.api.account.activity({ before: first.nextBefore });
    expect(second.events.map((e) => e.action)).toEqual(["signin.failed", "account.updated", "signin.succeeded"]);
    expect(second.events[0]).toMatchObject({ label: "Sign-in failed", address: "192.0.2.44" });
    expect(second.events[1]!.description).toBe("Name changed to Renamed Once");
    expect(second.events[2]).toMatchObject({ description: "With password", address: "203.0.113.7" });
    expect(second.nextBefore).toBeNull();

    // Another person's event id as the cursor gives nothing.
    const [foreign] = await eventsOf(other.id);
    expect(await browser.api.account.activity({ before: foreign!.id })).toEqual({ events: [], nextBefore: null });
  });
});

describe("the workspaces listed", () => {
  it("are only the caller's", async () => {
    const { workspace } = await createWorkspaceWithOwner(db(), { name: "Someone Else's" });
    const outsider = await addMember(db(), (await createWorkspaceWithOwner(db())).workspace.id, { role: "EXECUTIVE" });
    const overview = await callerFor(outsider.user.id).account.overview();
    expect(overview.workspaces.map((w) => w.slug)).not.toContain(workspace.slug);
    expect(overview.workspaces).toHaveLength(1);
  });
});
