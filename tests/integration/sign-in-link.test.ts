// "Email me a sign-in link": the same answer for every address, a link that works once for 15
// minutes, a page that shows whose account it opens without using it (mail scanners fetch links),
// and where the link leads afterwards: only a path of this site.
import { describe, expect, it } from "vitest";
import { createUser, unique } from "../../prisma/factories";
import { liveSessionUser } from "../../server/services/accounts/sessions";
import { checkSignInLink, requestSignInLink, SIGN_IN_LINK_WORDS } from "../../server/services/accounts/sign-in-link";
import { emailsTo, linkTokenTo, signInWithToken } from "./account-links";
import { callerFor, db, expectTrpcError, appDb } from "./helpers";

const anonymous = () => callerFor(null);
const nobody = () => `${unique("nobody")}@example.test`.toLowerCase();

describe("asking for a sign-in link", () => {
  it("answers exactly alike for an address with an account and one without, and emails only the account", async () => {
    const user = await createUser(db());
    const unknown = nobody();
    const known = await anonymous().signInLink.request({ email: user.email.toUpperCase() });
    const other = await anonymous().signInLink.request({ email: unknown });
    expect(known).toEqual(other);
    expect(known).toEqual({ expiresInMinutes: 15 });
    expect(await emailsTo(unknown)).toEqual([]);
    const [email, ...more] = await emailsTo(user.email, "SIGN_IN_LINK");
    expect(more).toEqual([]);
    expect(email).toMatchObject({ sentAt: null });
    expect(email!.link).toMatch(/^https?:\/\/[^/]+\/signin\/link\?token=[A-Za-z0-9_-]{43}$/);
    expect(email!.text).toContain(email!.link);
  });

  it("sends at most one a minute, whatever the answer says", async () => {
    const user = await createUser(db());
    await anonymous().signInLink.request({ email: user.email });
    expect(await anonymous().signInLink.request({ email: user.email })).toEqual({ expiresInMinutes: 15 });
    expect(await emailsTo(user.email, "SIGN_IN_LINK")).toHaveLength(1);
  });
});

describe("the sign-in link", () => {
  it("shows whose account it opens without using it, then signs in once", async () => {
    const user = await createUser(db());
    await anonymous().signInLink.request({ email: user.email });
    const token = await linkTokenTo(user.email, "SIGN_IN_LINK");

    // A mail scanner and the person both open the page: still unused.
    expect(await anonymous().signInLink.check({ token })).toEqual({ ok: true, email: user.email, next: "/" });
    expect(await anonymous().signInLink.check({ token })).toEqual({ ok: true, email: user.email, next: "/" });

    const session = await signInWithToken(token, "192.0.2.44");
    expect(session).toMatchObject({ id: user.id, email: user.email });
    expect(await liveSessionUser(appDb(), user.id, session.sid)).toBe(user.id);
    const row = await db().userSession.findUniqueOrThrow({ where: { id: session.sid } });
    expect(row).toMatchObject({ method: "EMAIL_LINK", address: "192.0.2.44", endedAt: null });

    // Used: refused with its reason, and the page offers a new one for the same address.
    await expect(signInWithToken(token)).rejects.toThrow(/^This link has already been used\. Ask for a new one\.$/);
    expect(await anonymous().signInLink.check({ token })).toEqual({
      ok: false,
      problem: "used",
      message: SIGN_IN_LINK_WORDS.used,
      email: user.email,
    });
    expect(await db().userSession.count({ where: { userId: user.id } })).toBe(1);
  });

  it("is refused after 15 minutes", async () => {
    const user = await createUser(db());
    await anonymous().signInLink.request({ email: user.email });
    const token = await linkTokenTo(user.email, "SIGN_IN_LINK");
    const late = new Date(Date.now() + 15 * 60_000 + 1_000);
    expect(await checkSignInLink(appDb(), token, late)).toEqual({
      ok: false,
      problem: "expired",
      message: "This sign-in link has expired: each link works for 15 minutes. Ask for a new one.",
      email: user.email,
    });
    await db().authToken.updateMany({ where: { userId: user.id, purpose: "SIGN_IN" }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(signInWithToken(token)).rejects.toThrow(/has expired/);
    expect(await db().userSession.count({ where: { userId: user.id } })).toBe(0);
  });

  it("refuses a made-up link, and another kind of link, as not valid", async () => {
    const invalid = { ok: false, problem: "invalid", message: SIGN_IN_LINK_WORDS.invalid, email: null };
    expect(await anonymous().signInLink.check({ token: "z".repeat(43) })).toEqual(invalid);
    await expect(signInWithToken("z".repeat(43))).rejects.toThrow(/not valid/);
    const user = await createUser(db());
    await anonymous().passwordReset.request({ email: user.email });
    const reset = await linkTokenTo(user.email, "PASSWORD_RESET");
    expect(await anonymous().signInLink.check({ token: reset })).toEqual(invalid);
    await expect(signInWithToken(reset)).rejects.toThrow(/not valid/);
  });

  it("is void once the account's address has changed", async () => {
    const user = await createUser(db());
    await anonymous().signInLink.request({ email: user.email });
    const token = await linkTokenTo(user.email, "SIGN_IN_LINK");
    await db().user.update({ where: { id: user.id }, data: { email: nobody() } });
    expect(await anonymous().signInLink.check({ token })).toMatchObject({ ok: false, problem: "invalid" });
    await expect(signInWithToken(token)).rejects.toThrow(/not valid/);
  });
});

describe("where the link leads", () => {
  async function nextOf(next: string) {
    const user = await createUser(db());
    await requestSignInLink(appDb(), user.email, { next });
    const token = await linkTokenTo(user.email, "SIGN_IN_LINK");
    const state = await checkSignInLink(appDb(), token);
    if (!state.ok) throw new Error(state.message);
    return state.next;
  }

  it("keeps a path of this site, query and all", async () => {
    expect(await nextOf("/w/northwind/surveys?cycle=2026-Q4")).toBe("/w/northwind/surveys?cycle=2026-Q4");
    expect(await nextOf("/invite/abc_DEF-123")).toBe("/invite/abc_DEF-123");
  });

  it.each(["/\\evil.test", "//evil.test", "https://evil.test/", "/\t/evil.test", "\\\\evil.test", "javascript:alert(1)", "/.//evil.test"])(
    "drops %j for the home page",
    async (next) => {
      expect(await nextOf(next)).toBe("/");
    },
  );

  it("takes it from the request through the procedure too", async () => {
    const user = await createUser(db());
    await anonymous().signInLink.request({ email: user.email, next: "/workspaces" });
    const token = await linkTokenTo(user.email, "SIGN_IN_LINK");
    expect(await anonymous().signInLink.check({ token })).toMatchObject({ ok: true, next: "/workspaces" });
    await expectTrpcError(anonymous().signInLink.request({ email: user.email, next: "x".repeat(2001) }), "BAD_REQUEST");
  });
});
