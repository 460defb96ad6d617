// "Forgot your password?": the same answer for every address, an emailed one-hour single-use link
// stored only as its hash, a new request retiring the older link, and a reset that sets the
// password, ends every session of the account, clears its failed sign-ins and signs in afresh.
import { createHash, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createUser, TEST_PASSWORD, unique } from "../../prisma/factories";
import { verifyPassword } from "../../server/password";
import { checkPasswordReset, requestPasswordReset, RESET_LINK_WORDS, resetPassword } from "../../server/services/accounts/password-reset";
import { liveSessionUser, startSession } from "../../server/services/accounts/sessions";
import { authenticate, WRONG_CREDENTIALS } from "../../server/services/authenticate";
import { emailsTo, linkTokenTo, signInWithToken } from "./account-links";
import { callerFor, db, expectTrpcError, appDb } from "./helpers";

const NEW_PASSWORD = "a-brand-new-password";
const anonymous = () => callerFor(null);
const nobody = () => `${unique("nobody")}@example.test`;
const address = () => `198.51.100.${Math.floor(Math.random() * 200) + 1}:${randomUUID().slice(0, 4)}`;

async function askAndGetToken(email: string) {
  await anonymous().passwordReset.request({ email });
  return linkTokenTo(email, "PASSWORD_RESET");
}

describe("asking for a reset", () => {
  it("answers exactly alike for an address with an account and one without, and emails only the account", async () => {
    const user = await createUser(db());
    const unknown = nobody();
    const known = await anonymous().passwordReset.request({ email: user.email.toUpperCase() });
    const other = await anonymous().passwordReset.request({ email: unknown });
    expect(known).toEqual(other);
    expect(JSON.stringify(known)).toBe(JSON.stringify(other));
    expect(known).toEqual({ expiresInMinutes: 60 });
    // The same refusal for a malformed address, whoever it might be.
    await expectTrpcError(anonymous().passwordReset.request({ email: "not-an-address" }), "BAD_REQUEST");

    expect(await emailsTo(unknown.toLowerCase())).toEqual([]);
    expect(await db().authToken.count({ where: { email: unknown.toLowerCase() } })).toBe(0);
    const [email, ...more] = await emailsTo(user.email, "PASSWORD_RESET");
    expect(more).toEqual([]);
    // Queued in the request, sent after it (sendSoon and the delivery job).
    expect(email).toMatchObject({ to: user.email, sentAt: null, attempts: 0 });
    expect(email!.link).toMatch(/^https?:\/\/[^/]+\/signin\/reset\?token=[A-Za-z0-9_-]{43}$/);
    expect(email!.text).toContain(email!.link);
    expect(email!.text).toMatch(/for the next 60 minutes/);
  });

  it("stores only the link's sha256, of a token of 256 bits, valid for one hour", async () => {
    const user = await createUser(db());
    const before = Date.now();
    const token = await askAndGetToken(user.email);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    const rows = await db().authToken.findMany({ where: { userId: user.id, purpose: "PASSWORD_RESET" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(rows)).not.toContain(token);
    const lifetime = rows[0]!.expiresAt.getTime() - before;
    expect(lifetime).toBeGreaterThan(60 * 60_000 - 5_000);
    expect(lifetime).toBeLessThanOrEqual(60 * 60_000 + 1_000);
  });

  it("sends at most one link a minute, and a newer request retires the older link", async () => {
    const user = await createUser(db());
    const first = await askAndGetToken(user.email);
    // A second ask within the minute: the same answer, no second email; the first link still works.
    expect(await anonymous().passwordReset.request({ email: user.email })).toEqual({ expiresInMinutes: 60 });
    expect(await emailsTo(user.email, "PASSWORD_RESET")).toHaveLength(1);
    expect(await anonymous().passwordReset.check({ token: first })).toMatchObject({ ok: true });

    const later = new Date(Date.now() + 61_000);
    await requestPasswordReset(appDb(), user.email, { now: later });
    const emails = await emailsTo(user.email, "PASSWORD_RESET");
    expect(emails).toHaveLength(2);
    const second = await linkTokenTo(user.email, "PASSWORD_RESET");
    expect(second).not.toBe(first);
    expect(await checkPasswordReset(appDb(), first, later)).toEqual({
      ok: false,
      problem: "used",
      message: RESET_LINK_WORDS.used,
      email: user.email,
    });
    await expect(resetPassword(appDb(), { token: first, password: NEW_PASSWORD }, { now: later })).rejects.toThrow(RESET_LINK_WORDS.used);
    expect(await checkPasswordReset(appDb(), second, later)).toEqual({ ok: true, email: user.email, hasPassword: true });
  });

  it("records the request in the account's audit log, and one for an unknown address without an account", async () => {
    const user = await createUser(db());
    const unknown = nobody().toLowerCase();
    await requestPasswordReset(appDb(), user.email, { address: "192.0.2.10" });
    await requestPasswordReset(appDb(), unknown, { address: "192.0.2.11" });
    expect(await db().accountAuditEvent.findMany({ where: { userId: user.id } })).toEqual([
      expect.objectContaining({ action: "password.reset_requested", email: user.email, address: "192.0.2.10" }),
    ]);
    expect(await db().accountAuditEvent.findMany({ where: { email: unknown } })).toEqual([
      expect.objectContaining({ action: "password.reset_requested", userId: null, address: "192.0.2.11" }),
    ]);
  });
});

describe("choosing the new password", () => {
  it("sets it, ends every session of the account, and hands over a one-time sign-in", async () => {
    const user = await createUser(db());
    const phone = await startSession(appDb(), { userId: user.id, method: "PASSWORD" });
    const laptop = await startSession(appDb(), { userId: user.id, method: "PASSWORD" });
    const other = await createUser(db());
    const othersSession = await startSession(appDb(), { userId: other.id, method: "PASSWORD" });
    const token = await askAndGetToken(user.email);

    expect(await anonymous().passwordReset.check({ token })).toEqual({ ok: true, email: user.email, hasPassword: true });
    const done = await anonymous().passwordReset.complete({ token, password: NEW_PASSWORD });
    expect(done).toEqual({ email: user.email, signInToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });

    const stored = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(stored.passwordHash!, NEW_PASSWORD)).toBe(true);
    expect(stored.passwordChangedAt).toBeInstanceOf(Date);
    await expect(authenticate(appDb(), { email: user.email, password: TEST_PASSWORD }, address())).rejects.toThrow(WRONG_CREDENTIALS);
    expect((await authenticate(appDb(), { email: user.email, password: NEW_PASSWORD }, address())).id).toBe(user.id);

    // A cookie of a session from before the reset, replayed, signs nobody in.
    expect(await liveSessionUser(appDb(), user.id, phone)).toBeNull();
    expect(await liveSessionUser(appDb(), user.id, laptop)).toBeNull();
    const ended = await db().userSession.findMany({ where: { id: { in: [phone, laptop] } } });
    expect(ended.map((s) => s.endReason)).toEqual(["PASSWORD_RESET", "PASSWORD_RESET"]);
    // Nobody else's.
    expect(await liveSessionUser(appDb(), other.id, othersSession)).toBe(other.id);

    // The browser that reset is signed in afresh, once.
    const session = await signInWithToken(done.signInToken);
    expect(session).toMatchObject({ id: user.id, email: user.email, sid: expect.any(String) });
    expect(await liveSessionUser(appDb(), user.id, session.sid)).toBe(user.id);
    await expect(signInWithToken(done.signInToken)).rejects.toThrow(/already been used/);

    const events = await db().accountAuditEvent.findMany({ where: { userId: user.id, action: { startsWith: "password." } } });
    expect(events).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: "password.reset_requested" }),
        expect.objectContaining({ action: "password.reset", actorUserId: user.id, detail: { sessionsEnded: 2 } }),
      ]),
    );
    expect(events).toHaveLength(2);
    expect(
      await db().accountAuditEvent.count({
        where: { userId: user.id, action: "signin.succeeded", detail: { equals: { method: "EMAIL_LINK" } } },
      }),
    ).toBe(1);
  });

  it("works once: the link used is refused, and the password stays the one chosen", async () => {
    const user = await createUser(db());
    const token = await askAndGetToken(user.email);
    await anonymous().passwordReset.complete({ token, password: NEW_PASSWORD });
    await expectTrpcError(
      anonymous().passwordReset.complete({ token, password: "another-new-password" }),
      "BAD_REQUEST",
      /^This password reset link has already been used, or a newer one was sent\./,
    );
    expect(await anonymous().passwordReset.check({ token })).toEqual({
      ok: false,
      problem: "used",
      message: RESET_LINK_WORDS.used,
      email: user.email,
    });
    const stored = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(stored.passwordHash!, NEW_PASSWORD)).toBe(true);
  });

  it("two resets with one link at once: one wins", async () => {
    const user = await createUser(db());
    const token = await askAndGetToken(user.email);
    const results = await Promise.allSettled([
      anonymous().passwordReset.complete({ token, password: "first-tab-password" }),
      anonymous().passwordReset.complete({ token, password: "second-tab-password" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("is refused after the hour, changing nothing", async () => {
    const user = await createUser(db());
    const token = await askAndGetToken(user.email);
    const session = await startSession(appDb(), { userId: user.id, method: "PASSWORD" });
    const late = new Date(Date.now() + 60 * 60_000 + 1_000);
    const expired = { ok: false, problem: "expired", message: RESET_LINK_WORDS.expired, email: user.email };
    expect(await checkPasswordReset(appDb(), token, late)).toEqual(expired);
    expect(RESET_LINK_WORDS.expired).toBe("This password reset link has expired: each link works for 60 minutes. Ask for a new one.");
    await expect(resetPassword(appDb(), { token, password: NEW_PASSWORD }, { now: late })).rejects.toThrow(RESET_LINK_WORDS.expired);
    // The same through the procedure, once the row says so.
    await db().authToken.updateMany({
      where: { userId: user.id, purpose: "PASSWORD_RESET" },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await expectTrpcError(anonymous().passwordReset.complete({ token, password: NEW_PASSWORD }), "BAD_REQUEST", /has expired/);
    const stored = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordHash).toBe(user.passwordHash);
    expect(await liveSessionUser(appDb(), user.id, session)).toBe(user.id);
  });

  it("refuses a made-up or mangled link as not valid, without saying more", async () => {
    const invalid = { ok: false, problem: "invalid", message: RESET_LINK_WORDS.invalid, email: null };
    expect(await anonymous().passwordReset.check({ token: "x".repeat(43) })).toEqual(invalid);
    expect(await anonymous().passwordReset.check({ token: "" })).toEqual(invalid);
    await expectTrpcError(
      anonymous().passwordReset.complete({ token: "x".repeat(43), password: NEW_PASSWORD }),
      "BAD_REQUEST",
      /not valid/,
    );
    // A sign-in link is not a reset link.
    const user = await createUser(db());
    await anonymous().signInLink.request({ email: user.email });
    const signIn = await linkTokenTo(user.email, "SIGN_IN_LINK");
    expect(await anonymous().passwordReset.check({ token: signIn })).toEqual(invalid);
  });

  it("refuses a password shorter than the policy, keeping the link usable", async () => {
    const user = await createUser(db());
    const token = await askAndGetToken(user.email);
    await expectTrpcError(
      anonymous().passwordReset.complete({ token, password: "short" }),
      "BAD_REQUEST",
      /^Choose a password of at least 10 characters\.$/,
    );
    expect(await anonymous().passwordReset.check({ token })).toMatchObject({ ok: true });
  });

  it("is void once the account's address has changed", async () => {
    const user = await createUser(db());
    const token = await askAndGetToken(user.email);
    await db().user.update({ where: { id: user.id }, data: { email: nobody().toLowerCase() } });
    expect(await anonymous().passwordReset.check({ token })).toMatchObject({ ok: false, problem: "invalid" });
    await expectTrpcError(anonymous().passwordReset.complete({ token, password: NEW_PASSWORD }), "BAD_REQUEST", /not valid/);
  });

  it("lets an account without a password (invited by link, single sign-on) choose its first", async () => {
    const user = await db().user.create({ data: { email: nobody().toLowerCase(), name: "No Password", passwordHash: null } });
    const token = await askAndGetToken(user.email);
    expect(await anonymous().passwordReset.check({ token })).toEqual({ ok: true, email: user.email, hasPassword: false });
    await anonymous().passwordReset.complete({ token, password: NEW_PASSWORD });
    expect((await authenticate(appDb(), { email: user.email, password: NEW_PASSWORD }, address())).id).toBe(user.id);
  });

  it("clears the account's failed sign-ins: the owner is not kept waiting by an attacker's guesses", async () => {
    const user = await createUser(db());
    const attacker = address();
    const now = new Date();
    for (let i = 0; i < 5; i++) {
      await authenticate(appDb(), { email: user.email, password: "wrong-password" }, attacker, now).catch(() => undefined);
    }
    // The pair waits now, even with the right password.
    await expect(authenticate(appDb(), { email: user.email, password: TEST_PASSWORD }, attacker, now)).rejects.toThrow(/^Too many failed/);
    const other = await createUser(db());
    await authenticate(appDb(), { email: other.email, password: "wrong-password" }, attacker, now).catch(() => undefined);

    const token = await askAndGetToken(user.email);
    await anonymous().passwordReset.complete({ token, password: NEW_PASSWORD });
    const keys = (await db().signInThrottle.findMany({ where: { key: { contains: user.email } } })).map((r) => r.key);
    expect(keys).toEqual([]);
    expect((await authenticate(appDb(), { email: user.email, password: NEW_PASSWORD }, attacker, now)).id).toBe(user.id);
    // Another account's record stays.
    expect(await db().signInThrottle.count({ where: { key: { contains: other.email } } })).toBeGreaterThan(0);
  });
});
