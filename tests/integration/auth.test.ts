// Sign-in (with its rate limits), password storage, and sign-up confirmed by email.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createUser, createWorkspaceWithOwner, TEST_PASSWORD, unique } from "../../prisma/factories";
import { checkSignUp, confirmSignUp, requestSignUp, SIGN_UP_LINK_WORDS } from "../../server/services/accounts/sign-up";
import { authenticate, OVER_CEILING, WRONG_CREDENTIALS } from "../../server/services/authenticate";
import { emailsTo, linkTokenTo, signInWithToken, tokenOf } from "./account-links";
import { buildWorld, callerFor, db, expectTrpcError, appDb } from "./helpers";

// The throttle table is global: every test uses its own emails and its own client address.
let counter = 0;
const freshAddress = () => `2001:db8::${(++counter).toString(16)}:${randomUUID().slice(0, 4)}`;
const THROTTLED = /^Too many failed sign-in attempts from here\. Try again in /;

async function failuresOf(signIn: () => Promise<unknown>) {
  await expect(signIn()).rejects.toThrow(WRONG_CREDENTIALS);
}

describe("authenticate", () => {
  it("accepts the right password, whatever the email's case and spacing", async () => {
    const user = await createUser(db(), { name: "Ada" });
    expect(await authenticate(appDb(), { email: user.email, password: TEST_PASSWORD }, freshAddress())).toEqual({
      id: user.id,
      email: user.email,
      name: "Ada",
    });
    const shouted = `  ${user.email.toUpperCase()} `;
    expect((await authenticate(appDb(), { email: shouted, password: TEST_PASSWORD }, null)).id).toBe(user.id);
  });

  it("refuses a wrong password and an unknown email with the same message", async () => {
    const user = await createUser(db());
    await expect(authenticate(appDb(), { email: user.email, password: "wrong-password" }, freshAddress())).rejects.toThrow(
      /^Wrong email or password\.$/,
    );
    await expect(
      authenticate(appDb(), { email: `${unique("nobody")}@example.test`, password: TEST_PASSWORD }, freshAddress()),
    ).rejects.toThrow(/^Wrong email or password\.$/);
  });

  it("delays guesses from one address, never the owner at another: 3 free failures, then waits that double", async () => {
    const user = await createUser(db());
    const attacker = freshAddress();
    const t0 = new Date("2026-06-01T10:00:00Z");
    const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
    const wrong = (now: Date) => authenticate(appDb(), { email: user.email, password: "wrong-password" }, attacker, now);
    for (let i = 0; i < 4; i++) await failuresOf(() => wrong(t0));
    // The 4th failure started a 1 s wait; the 5th a 2 s wait.
    await expect(wrong(t0)).rejects.toThrow(/^Too many failed sign-in attempts from here\. Try again in 1 second\.$/);
    await failuresOf(() => wrong(at(1)));
    await expect(wrong(at(2))).rejects.toThrow(/Try again in 1 second/);
    await failuresOf(() => wrong(at(3)));
    await expect(wrong(at(4))).rejects.toThrow(/Try again in 3 seconds/);
    // Even the right password waits from the attacker's address...
    await expect(authenticate(appDb(), { email: user.email, password: TEST_PASSWORD }, attacker, at(4))).rejects.toThrow(THROTTLED);
    // ...while the owner, elsewhere, signs in at once.
    expect((await authenticate(appDb(), { email: user.email, password: TEST_PASSWORD }, freshAddress(), at(4))).id).toBe(user.id);
  });

  it("caps the wait at 15 minutes, and a quiet hour starts the pair again", async () => {
    const user = await createUser(db());
    const address = freshAddress();
    let now = new Date("2026-06-02T10:00:00Z");
    const wrong = () => authenticate(appDb(), { email: user.email, password: "wrong-password" }, address, now);
    for (let i = 0; i < 16; i++) {
      await failuresOf(wrong);
      now = new Date(now.getTime() + 15 * 60_000);
    }
    const row = await db().signInThrottle.findUniqueOrThrow({ where: { key: `pair:${user.email}|${address}` } });
    expect(row.lockedUntil!.getTime() - row.windowStart.getTime()).toBe(15 * 60_000);
    now = new Date(now.getTime() + 61 * 60_000);
    expect((await authenticate(appDb(), { email: user.email, password: TEST_PASSWORD }, address, now)).id).toBe(user.id);
  });

  it("checks no more than the free failures of a pair when attempts arrive at once", async () => {
    const user = await createUser(db());
    const address = freshAddress();
    const now = new Date("2026-06-03T10:00:00Z");
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => authenticate(appDb(), { email: user.email, password: "wrong-password" }, address, now)),
    );
    const messages = results.map((r) => (r.status === "rejected" ? (r.reason as Error).message : "signed in"));
    const checked = messages.filter((m) => m === WRONG_CREDENTIALS);
    expect(checked.length + messages.filter((m) => THROTTLED.test(m)).length).toBe(10);
    expect(checked.length).toBe(4);
  });

  it("a right password starts the pair again", async () => {
    const user = await createUser(db());
    const address = freshAddress();
    const wrong = () => authenticate(appDb(), { email: user.email, password: "wrong-password" }, address);
    for (let i = 0; i < 3; i++) await failuresOf(wrong);
    expect((await authenticate(appDb(), { email: user.email, password: TEST_PASSWORD }, address)).id).toBe(user.id);
    for (let i = 0; i < 3; i++) await failuresOf(wrong);
    expect((await authenticate(appDb(), { email: user.email, password: TEST_PASSWORD }, address)).id).toBe(user.id);
  });

  it("over 100 failures an hour, a password alone no longer signs in: the right one gets an emailed link, with the same answer", async () => {
    const user = await createUser(db());
    const now = new Date("2026-06-04T10:00:00Z");
    // 100 failures from 100 addresses (a botnet): each pair is below its delay.
    for (let i = 0; i < 100; i++) {
      await failuresOf(() => authenticate(appDb(), { email: user.email, password: "wrong-password" }, freshAddress(), now));
    }
    const wrong = authenticate(appDb(), { email: user.email, password: "wrong-password" }, freshAddress(), now);
    await expect(wrong).rejects.toThrow(OVER_CEILING);
    expect(await db().accountEmail.count({ where: { to: user.email, kind: "SIGN_IN_LINK" } })).toBe(0);
    const right = authenticate(appDb(), { email: user.email, password: TEST_PASSWORD }, freshAddress(), now);
    await expect(right).rejects.toThrow(OVER_CEILING);
    const emails = await db().accountEmail.findMany({ where: { to: user.email, kind: "SIGN_IN_LINK" } });
    expect(emails).toHaveLength(1);
    expect(emails[0]!.link).toMatch(/\/signin\/link\?token=[A-Za-z0-9_-]{43}$/);
    // An hour later the ceiling has passed.
    const later = new Date(now.getTime() + 61 * 60_000);
    expect((await authenticate(appDb(), { email: user.email, password: TEST_PASSWORD }, freshAddress(), later)).id).toBe(user.id);
  });

  it("records failed sign-ins in the audit log, with the address", async () => {
    const user = await createUser(db());
    const address = freshAddress();
    await failuresOf(() => authenticate(appDb(), { email: user.email, password: "wrong-password" }, address));
    const events = await db().accountAuditEvent.findMany({ where: { userId: user.id } });
    expect(events).toEqual([expect.objectContaining({ action: "signin.failed", email: user.email, address })]);
  });
});

const signUpInput = (overrides: Partial<{ name: string; email: string; password: string; workspaceName: string; slug: string }> = {}) => ({
  name: "Sam",
  email: `${unique("signup")}@example.test`.toLowerCase(),
  password: "a-long-signup-password",
  workspaceName: "Sam's Alliances",
  slug: unique("sam").toLowerCase(),
  ...overrides,
});

describe("password storage", () => {
  it("stores argon2id hashes with OWASP's parameters, never the password, not even while the sign-up waits for its link", async () => {
    const input = signUpInput();
    await callerFor(null).workspace.signUp(input);
    const pending = await db().authToken.findFirstOrThrow({ where: { email: input.email, purpose: "SIGN_UP" } });
    expect(JSON.stringify(pending)).not.toContain(input.password);
    expect((pending.data as { passwordHash: string }).passwordHash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$")).toBe(true);
    await callerFor(null).workspace.confirmSignUp({ token: await linkTokenTo(input.email, "SIGN_UP_CONFIRM") });

    const user = await db().user.findUniqueOrThrow({ where: { email: input.email } });
    expect(user.passwordHash!.startsWith("$argon2id$v=19$m=19456,t=2,p=1$")).toBe(true);
    expect(user.passwordHash).not.toContain(input.password);
    expect((await authenticate(appDb(), { email: input.email, password: input.password }, freshAddress())).id).toBe(user.id);
    // The used link keeps no copy of the hash.
    expect((await db().authToken.findUniqueOrThrow({ where: { id: pending.id } })).data).toBeNull();
  });
});

describe("workspace.signUp", () => {
  it("emails a new address a link; the link creates the user, the workspace, their OWNER membership and framework v1", async () => {
    const email = `${unique("Founder")}@Example.test`;
    const slug = unique("northwind").toLowerCase();
    const input = { name: "  Fran Founder ", email, password: "founder-password-1", workspaceName: "Northwind Alliances", slug };
    expect(await callerFor(null).workspace.signUp(input)).toEqual({ checkEmail: true });
    // Nothing exists until the link is used.
    expect(await db().user.count({ where: { email: email.toLowerCase() } })).toBe(0);
    expect(await db().workspace.count({ where: { slug } })).toBe(0);
    const [mail, ...more] = await emailsTo(email.toLowerCase());
    expect(more).toEqual([]);
    expect(mail).toMatchObject({ kind: "SIGN_UP_CONFIRM", sentAt: null });
    expect(mail!.link).toMatch(/^https?:\/\/[^/]+\/signup\/confirm\?token=[A-Za-z0-9_-]{43}$/);
    // Nothing the requester typed reaches the address (a stranger could fill the form).
    expect(mail!.text).not.toContain("Fran");
    expect(mail!.text).not.toContain("Northwind");
    const token = tokenOf(mail!.link);

    // The link's page, opened any number of times, shows what it will create and uses nothing.
    const shown = {
      ok: true,
      email: email.toLowerCase(),
      name: "Fran Founder",
      workspaceName: "Northwind Alliances",
      slug,
      slugProblem: null,
    };
    expect(await callerFor(null).workspace.signUpCheck({ token })).toEqual(shown);
    expect(await callerFor(null).workspace.signUpCheck({ token })).toEqual(shown);

    const result = await callerFor(null).workspace.confirmSignUp({ token });
    expect(result).toEqual({ slug, signInToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });

    const user = await db().user.findUniqueOrThrow({ where: { email: email.toLowerCase() } });
    expect(user.name).toBe("Fran Founder");
    const workspace = await db().workspace.findUniqueOrThrow({ where: { slug } });
    expect(workspace).toMatchObject({ name: "Northwind Alliances", surveyMode: "CONFIDENTIAL", confidentialityThreshold: 3 });
    const members = await db().member.findMany({ where: { workspaceId: workspace.id } });
    expect(members).toEqual([expect.objectContaining({ userId: user.id, role: "OWNER", partnerOrgId: null, removedAt: null })]);

    const versions = await db().frameworkVersion.findMany({ where: { workspaceId: workspace.id } });
    expect(versions.map((v) => v.version)).toEqual([1]);
    const pillars = await db().pillar.findMany({
      where: { versionId: versions[0]!.id },
      orderBy: { position: "asc" },
      include: { _count: { select: { statements: true } } },
    });
    expect(pillars.map((p) => p.key)).toEqual(["trust", "commitment", "coordination", "communication"]);
    expect(pillars.map((p) => p._count.statements)).toEqual([4, 4, 4, 4]);
    expect(pillars.map((p) => p.weight)).toEqual([1, 1, 1, 1]);

    const current = await callerFor(user.id).workspace.current({ workspaceSlug: slug });
    expect(current).toMatchObject({ slug, role: "OWNER", name: "Northwind Alliances" });

    // The page signs the new owner in with the token it was handed, once.
    const session = await signInWithToken(result.signInToken);
    expect(session.id).toBe(user.id);
    await expect(signInWithToken(result.signInToken)).rejects.toThrow(/already been used/);
    expect(await db().accountAuditEvent.count({ where: { userId: user.id, action: "account.created" } })).toBe(1);
  });

  it("answers an address that already has an account exactly as a new one, creating nothing and changing nothing", async () => {
    const existing = await createUser(db(), { name: "Already Here" });
    const fresh = signUpInput();
    const known = await callerFor(null).workspace.signUp(
      signUpInput({ email: existing.email.toUpperCase(), password: "another-password" }),
    );
    const unknown = await callerFor(null).workspace.signUp(fresh);
    expect(known).toEqual(unknown);
    expect(JSON.stringify(known)).toBe(JSON.stringify(unknown));

    // The account's owner learns what happened, with a way in and a way to a new password.
    const [mail, ...more] = await emailsTo(existing.email);
    expect(more).toEqual([]);
    expect(mail).toMatchObject({ kind: "SIGN_UP_EXISTING", subject: "You already have a Partnership Health account" });
    expect(mail!.link).toMatch(/\/signin\/link\?token=[A-Za-z0-9_-]{43}$/);
    expect(mail!.text).toContain(mail!.link);
    expect(mail!.text).toContain(`/signin/forgot?email=${encodeURIComponent(existing.email)}`);
    expect(await callerFor(null).signInLink.check({ token: tokenOf(mail!.link) })).toEqual({
      ok: true,
      email: existing.email,
      next: "/workspaces",
    });

    const after = await db().user.findUniqueOrThrow({ where: { id: existing.id } });
    expect(after).toMatchObject({ name: "Already Here", passwordHash: existing.passwordHash });
    expect(await db().user.count({ where: { email: existing.email } })).toBe(1);
    expect(await db().member.count({ where: { userId: existing.id } })).toBe(0);
    expect(await db().authToken.count({ where: { email: existing.email, purpose: "SIGN_UP" } })).toBe(0);
  });

  it("refuses a slug that is taken (CONFLICT) before anything else, for known and new addresses alike", async () => {
    const w = await buildWorld();
    const existing = await createUser(db());
    const fresh = `${unique("late")}@example.test`;
    const refusals = [];
    for (const email of [existing.email, fresh]) {
      const error = await expectTrpcError(
        callerFor(null).workspace.signUp(signUpInput({ email, slug: w.slug })),
        "CONFLICT",
        new RegExp(`^The address "${w.slug}" is taken; choose another\\.$`),
      );
      refusals.push(error.message);
    }
    expect(refusals[0]).toBe(refusals[1]);
    expect(await emailsTo(existing.email)).toEqual([]);
    expect(await emailsTo(fresh)).toEqual([]);
    expect(await db().user.count({ where: { email: fresh } })).toBe(0);
    expect(await db().member.count({ where: { workspaceId: w.workspace.id } })).toBe(6);
  });

  it("refuses a reserved slug (CONFLICT) and sends nothing", async () => {
    const input = signUpInput({ slug: "admin" });
    await expectTrpcError(callerFor(null).workspace.signUp(input), "CONFLICT", /reserved/);
    expect(await emailsTo(input.email)).toEqual([]);
  });

  it("sends at most one email a minute to an address, and a newer sign-up retires the older link", async () => {
    const input = signUpInput();
    await callerFor(null).workspace.signUp(input);
    expect(await callerFor(null).workspace.signUp({ ...input, workspaceName: "Second Try" })).toEqual({ checkEmail: true });
    expect(await emailsTo(input.email)).toHaveLength(1);
    const first = await linkTokenTo(input.email, "SIGN_UP_CONFIRM");

    await requestSignUp(appDb(), { ...input, workspaceName: "Third Try" }, { now: new Date(Date.now() + 61_000) });
    expect(await emailsTo(input.email)).toHaveLength(2);
    const latest = await linkTokenTo(input.email, "SIGN_UP_CONFIRM");
    expect(await callerFor(null).workspace.signUpCheck({ token: first })).toEqual({
      ok: false,
      problem: "used",
      message: SIGN_UP_LINK_WORDS.used,
      email: input.email,
    });
    expect(await callerFor(null).workspace.signUpCheck({ token: latest })).toMatchObject({ ok: true, workspaceName: "Third Try" });
  });

  it("works once: the link used is refused and creates nothing more", async () => {
    const input = signUpInput();
    await callerFor(null).workspace.signUp(input);
    const token = await linkTokenTo(input.email, "SIGN_UP_CONFIRM");
    await callerFor(null).workspace.confirmSignUp({ token });
    await expectTrpcError(
      callerFor(null).workspace.confirmSignUp({ token, slug: unique("again").toLowerCase() }),
      "BAD_REQUEST",
      /already been used/,
    );
    expect(await callerFor(null).workspace.signUpCheck({ token })).toMatchObject({ ok: false, problem: "used" });
    const user = await db().user.findUniqueOrThrow({ where: { email: input.email } });
    expect(await db().member.count({ where: { userId: user.id } })).toBe(1);
  });

  it("is refused after 24 hours, creating nothing", async () => {
    const input = signUpInput();
    await callerFor(null).workspace.signUp(input);
    const token = await linkTokenTo(input.email, "SIGN_UP_CONFIRM");
    const late = new Date(Date.now() + 24 * 3_600_000 + 1_000);
    expect(await checkSignUp(appDb(), token, late)).toEqual({
      ok: false,
      problem: "expired",
      message: SIGN_UP_LINK_WORDS.expired,
      email: input.email,
    });
    await expect(confirmSignUp(appDb(), { token }, { now: late })).rejects.toThrow(SIGN_UP_LINK_WORDS.expired);
    await db().authToken.updateMany({
      where: { email: input.email, purpose: "SIGN_UP" },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await expectTrpcError(callerFor(null).workspace.confirmSignUp({ token }), "BAD_REQUEST", /has expired/);
    expect(await db().user.count({ where: { email: input.email } })).toBe(0);
    expect(await db().workspace.count({ where: { slug: input.slug } })).toBe(0);
  });

  it("refuses a made-up link as not valid", async () => {
    const invalid = { ok: false, problem: "invalid", message: SIGN_UP_LINK_WORDS.invalid, email: null };
    expect(await callerFor(null).workspace.signUpCheck({ token: "q".repeat(43) })).toEqual(invalid);
    await expectTrpcError(callerFor(null).workspace.confirmSignUp({ token: "q".repeat(43) }), "BAD_REQUEST", /not valid/);
  });

  it("checks the workspace address again when the link is used: taken since, it asks for another and keeps the link", async () => {
    const input = signUpInput();
    await callerFor(null).workspace.signUp(input);
    const token = await linkTokenTo(input.email, "SIGN_UP_CONFIRM");
    // Someone else takes the address meanwhile.
    await createWorkspaceWithOwner(db(), { slug: input.slug });
    expect(await callerFor(null).workspace.signUpCheck({ token })).toMatchObject({
      ok: true,
      slug: input.slug,
      slugProblem: `The address "${input.slug}" is taken; choose another.`,
    });
    await expectTrpcError(callerFor(null).workspace.confirmSignUp({ token }), "CONFLICT", /is taken; choose another/);
    await expectTrpcError(callerFor(null).workspace.confirmSignUp({ token, slug: "signin" }), "CONFLICT", /is reserved/);
    expect(await db().user.count({ where: { email: input.email } })).toBe(0);

    const other = unique("other").toLowerCase();
    expect(await callerFor(null).workspace.confirmSignUp({ token, slug: other })).toMatchObject({ slug: other });
    const user = await db().user.findUniqueOrThrow({ where: { email: input.email } });
    const workspace = await db().workspace.findUniqueOrThrow({ where: { slug: other } });
    expect(workspace.name).toBe(input.workspaceName);
    expect(await db().member.count({ where: { workspaceId: workspace.id, userId: user.id, role: "OWNER" } })).toBe(1);
  });

  it("gives the workspace to the account the address has by now, keeping that account as it was", async () => {
    const input = signUpInput();
    await callerFor(null).workspace.signUp(input);
    const token = await linkTokenTo(input.email, "SIGN_UP_CONFIRM");
    // Meanwhile the address got an account (an invitation accepted, say).
    const account = await createUser(db(), { email: input.email, name: "Invited Earlier" });
    const done = await callerFor(null).workspace.confirmSignUp({ token });
    const after = await db().user.findUniqueOrThrow({ where: { id: account.id } });
    expect(after).toMatchObject({ name: "Invited Earlier", passwordHash: account.passwordHash });
    expect(await db().member.findFirst({ where: { userId: account.id, workspace: { slug: done.slug } } })).toMatchObject({ role: "OWNER" });
    expect((await signInWithToken(done.signInToken)).id).toBe(account.id);
    expect(await db().accountAuditEvent.count({ where: { userId: account.id, action: "account.created" } })).toBe(0);
  });
});
