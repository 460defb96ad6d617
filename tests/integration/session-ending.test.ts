// Sessions that end at once: a cookie copied before each event and replayed after it reads as
// signed out (next-auth's own decoding, then the session row, as every request runs it). The
// events: sign-out, signing one session out from the account page, "sign out everywhere", a
// password change, an email change, and removal from one's last workspace.
import { describe, expect, it } from "vitest";
import { addMember, createUser, createWorkspaceWithOwner, TEST_PASSWORD, unique } from "../../prisma/factories";
import { authOptions } from "../../server/auth";
import { forWorkspace } from "../../server/db/tenant";
import { callerFor, db, expectTrpcError, appDb } from "./helpers";
import { CHROME_ON_LINUX, replay, SAFARI_ON_IPHONE, signedIn, type Browser } from "./session-cookies";

async function person() {
  return createUser(db(), { name: "Sid Session" });
}

type Person = Awaited<ReturnType<typeof person>>;

const sessionRow = (id: string) => db().userSession.findUniqueOrThrow({ where: { id } });

// What next-auth runs when the browser signs out (POST /api/auth/signout), with the cookie's token.
async function nextAuthSignOut(userId: string, sessionId: string) {
  await authOptions.events!.signOut!({ token: { sub: userId, sid: sessionId }, session: null as never });
}

describe("a replayed cookie is refused after each session-ending event", () => {
  const events: [string, (user: Person, browser: Browser) => Promise<unknown>, string][] = [
    ["sign-out", (user, browser) => nextAuthSignOut(user.id, browser.sessionId), "SIGNED_OUT"],
    ["sign out everywhere", (_user, browser) => browser.api.account.signOutEverywhere(), "SIGNED_OUT_EVERYWHERE"],
    [
      "a password change in another browser",
      async (user) =>
        (await signedIn(user)).api.account.changePassword({ currentPassword: TEST_PASSWORD, newPassword: "brand-new-password-1" }),
      "PASSWORD_CHANGED",
    ],
    [
      "an email change confirmed in another browser",
      async (user) => {
        const other = await signedIn(user);
        const to = `${unique("new")}@example.test`.toLowerCase();
        await other.api.account.requestEmailChange({ email: to, currentPassword: TEST_PASSWORD });
        const email = await db().accountEmail.findFirstOrThrow({ where: { to } });
        await other.api.account.confirmEmailChange({ token: new URL(email.link!).searchParams.get("token")! });
      },
      "EMAIL_CHANGED",
    ],
  ];

  it.each(events)("%s", async (_name, event, reason) => {
    const user = await person();
    const browser = await signedIn(user);
    const copy = browser.cookie;
    expect(await replay(copy)).toBe(user.id);
    await event(user, browser);
    expect(await replay(copy)).toBeNull();
    expect(await sessionRow(browser.sessionId)).toMatchObject({ endedAt: expect.any(Date), endReason: reason });
  });

  it("a cookie that names another account's session, or none, is refused too", async () => {
    const a = await person();
    const b = await signedIn(await person());
    const { sessionCookieFor } = await import("../../server/auth");
    const forged = await sessionCookieFor({ id: a.id, email: a.email, name: a.name, sid: b.sessionId });
    expect(await replay(forged.value)).toBeNull();
    const none = await sessionCookieFor({ id: a.id, email: a.email, name: a.name, sid: "" });
    expect(await replay(none.value)).toBeNull();
    expect(await replay("not-a-cookie")).toBeNull();
  });
});

describe("the account page's sessions", () => {
  it("lists the live sessions, this one first and marked, with device, address and times", async () => {
    const user = await person();
    const phone = await signedIn(user, { userAgent: SAFARI_ON_IPHONE, address: "198.51.100.4", method: "EMAIL_LINK" });
    const here = await signedIn(user, { userAgent: CHROME_ON_LINUX, address: "203.0.113.9" });
    const ended = await signedIn(user);
    await nextAuthSignOut(user.id, ended.sessionId);

    const sessions = await here.api.account.sessions();
    expect(sessions).toHaveLength(2);
    expect(sessions[0]).toMatchObject({ current: true, device: "Chrome on Linux", address: "203.0.113.9", method: "PASSWORD" });
    expect(sessions[1]).toMatchObject({ current: false, device: "Safari on iPhone", address: "198.51.100.4", method: "EMAIL_LINK" });
    expect(sessions[1]!.startedAt).toBeInstanceOf(Date);
    // The page never sees a session id (the cookie carries it).
    const text = JSON.stringify(sessions);
    for (const b of [phone, here, ended]) expect(text).not.toContain(b.sessionId);
  });

  it("signs one session out; its cookie is refused, the others keep working; again, nothing happens", async () => {
    const user = await person();
    const phone = await signedIn(user, { userAgent: SAFARI_ON_IPHONE });
    const here = await signedIn(user);
    const handle = (await here.api.account.sessions()).find((s) => !s.current)!.handle;

    expect(await here.api.account.endSession({ session: handle })).toEqual({ ended: true, current: false });
    expect(await replay(phone.cookie)).toBeNull();
    expect(await replay(here.cookie)).toBe(user.id);
    expect(await sessionRow(phone.sessionId)).toMatchObject({ endReason: "SIGNED_OUT" });
    expect(await here.api.account.endSession({ session: handle })).toEqual({ ended: false, current: false });
    const events = await db().accountAuditEvent.findMany({ where: { userId: user.id, action: "sessions.ended" } });
    expect(events).toHaveLength(1);
    expect(events[0]!.detail).toMatchObject({ count: 1, reason: "SIGNED_OUT", device: "Safari on iPhone", current: false });
  });

  it("cannot sign out another account's session", async () => {
    const user = await person();
    const victim = await signedIn(await person());
    const handle = (await victim.api.account.sessions())[0]!.handle;
    const here = await signedIn(user);
    expect(await here.api.account.endSession({ session: handle })).toEqual({ ended: false, current: false });
    expect(await replay(victim.cookie)).not.toBeNull();
  });

  it("signs out everywhere, this browser included, and records it", async () => {
    const user = await person();
    const browsers = [await signedIn(user), await signedIn(user), await signedIn(user)];
    expect(await browsers[0]!.api.account.signOutEverywhere()).toEqual({ ended: 3 });
    for (const b of browsers) expect(await replay(b.cookie)).toBeNull();
    const [event] = await db().accountAuditEvent.findMany({ where: { userId: user.id, action: "sessions.ended" } });
    expect(event).toMatchObject({ actorUserId: user.id, detail: { count: 3, reason: "SIGNED_OUT_EVERYWHERE" } });
    expect(await (await signedIn(user)).api.account.sessions()).toHaveLength(1);
  });

  it("sign-out is recorded once", async () => {
    const user = await person();
    const browser = await signedIn(user);
    const signOut = () => nextAuthSignOut(user.id, browser.sessionId);
    await signOut();
    await signOut();
    expect(await db().accountAuditEvent.count({ where: { userId: user.id, action: "signout" } })).toBe(1);
  });
});

describe("removal from every workspace", () => {
  async function twoWorkspaces() {
    const a = await createWorkspaceWithOwner(db(), { name: "Removal A" });
    const b = await createWorkspaceWithOwner(db(), { name: "Removal B" });
    const { user, member: inA } = await addMember(db(), a.workspace.id, { role: "MANAGER" });
    const inB = await db().member.create({ data: { workspaceId: b.workspace.id, userId: user.id, role: "EXECUTIVE" } });
    return { a, b, user, inA, inB };
  }

  it("ends every session once the person belongs to no workspace, not before", async () => {
    const { a, b, user, inA, inB } = await twoWorkspaces();
    const browser = await signedIn(user);

    await callerFor(a.user.id).member.remove({ workspaceSlug: a.workspace.slug, memberId: inA.id });
    expect(await replay(browser.cookie)).toBe(user.id);
    await expectTrpcError(browser.api.workspace.current({ workspaceSlug: a.workspace.slug }), "NOT_FOUND");

    await callerFor(b.user.id).member.remove({ workspaceSlug: b.workspace.slug, memberId: inB.id });
    expect(await replay(browser.cookie)).toBeNull();
    expect(await sessionRow(browser.sessionId)).toMatchObject({ endReason: "REMOVED" });
    // The removing workspace's log says so; the other workspace's says nothing.
    const [event] = await forWorkspace(appDb(), b.workspace.id).auditEvent.findMany({
      where: { action: "sessions.ended", userId: user.id },
    });
    expect(event).toMatchObject({ actorUserId: b.user.id, detail: { count: 1, reason: "REMOVED" } });
    expect(await forWorkspace(appDb(), a.workspace.id).auditEvent.count({ where: { action: "sessions.ended" } })).toBe(0);
  });

  it("ends them when the last two removals happen at once", async () => {
    const { a, b, user, inA, inB } = await twoWorkspaces();
    const browser = await signedIn(user);
    await Promise.all([
      callerFor(a.user.id).member.remove({ workspaceSlug: a.workspace.slug, memberId: inA.id }),
      callerFor(b.user.id).member.remove({ workspaceSlug: b.workspace.slug, memberId: inB.id }),
    ]);
    expect(await replay(browser.cookie)).toBeNull();
  });

  it("answers a removal alike whether or not the person belongs elsewhere", async () => {
    const { a, user, inA } = await twoWorkspaces();
    await signedIn(user);
    const other = await addMember(db(), a.workspace.id, { role: "MANAGER" });
    const elsewhere = await callerFor(a.user.id).member.remove({ workspaceSlug: a.workspace.slug, memberId: inA.id });
    const nowhere = await callerFor(a.user.id).member.remove({ workspaceSlug: a.workspace.slug, memberId: other.member.id });
    expect(Object.keys(elsewhere).sort()).toEqual(Object.keys(nowhere).sort());
    expect(JSON.stringify(elsewhere)).not.toMatch(/session/i);
  });
});
