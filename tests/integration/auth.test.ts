// Sign-in (with its rate limits), password storage, and sign-up.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createUser, TEST_PASSWORD, unique } from "../../prisma/factories";
import { authenticate, OVER_CEILING, WRONG_CREDENTIALS } from "../../server/services/authenticate";
import { buildWorld, callerFor, db, expectTrpcError } from "./helpers";

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
    expect(await authenticate(db(), { email: user.email, password: TEST_PASSWORD }, freshAddress())).toEqual({
      id: user.id,
      email: user.email,
      name: "Ada",
    });
    const shouted = `  ${user.email.toUpperCase()} `;
    expect((await authenticate(db(), { email: shouted, password: TEST_PASSWORD }, null)).id).toBe(user.id);
  });

  it("refuses a wrong password and an unknown email with the same message", async () => {
    const user = await createUser(db());
    await expect(authenticate(db(), { email: user.email, password: "wrong-password" }, freshAddress())).rejects.toThrow(
      /^Wrong email or password\.$/,
    );
    await expect(
      authenticate(db(), { email: `${unique("nobody")}@example.test`, password: TEST_PASSWORD }, freshAddress()),
    ).rejects.toThrow(/^Wrong email or password\.$/);
  });

  it("delays guesses from one address, never the owner at another: 3 free failures, then waits that double", async () => {
    const user = await createUser(db());
    const attacker = freshAddress();
    const t0 = new Date("2026-06-01T10:00:00Z");
    const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
    const wrong = (now: Date) => authenticate(db(), { email: user.email, password: "wrong-password" }, attacker, now);
    for (let i = 0; i < 4; i++) await failuresOf(() => wrong(t0));
    // The 4th failure started a 1 s wait; the 5th a 2 s wait.
    await expect(wrong(t0)).rejects.toThrow(/^Too many failed sign-in attempts from here\. Try again in 1 second\.$/);
    await failuresOf(() => wrong(at(1)));
    await expect(wrong(at(2))).rejects.toThrow(/Try again in 1 second/);
    await failuresOf(() => wrong(at(3)));
    await expect(wrong(at(4))).rejects.toThrow(/Try again in 3 seconds/);
    // Even the right password waits from the attacker's address...
    await expect(authenticate(db(), { email: user.email, password: TEST_PASSWORD }, attacker, at(4))).rejects.toThrow(THROTTLED);
    // ...while the owner, elsewhere, signs in at once.
    expect((await authenticate(db(), { email: user.email, password: TEST_PASSWORD }, freshAddress(), at(4))).id).toBe(user.id);
  });

  it("caps the wait at 15 minutes, and a quiet hour starts the pair again", async () => {
    const user = await createUser(db());
    const address = freshAddress();
    let now = new Date("2026-06-02T10:00:00Z");
    const wrong = () => authenticate(db(), { email: user.email, password: "wrong-password" }, address, now);
    for (let i = 0; i < 16; i++) {
      await failuresOf(wrong);
      now = new Date(now.getTime() + 15 * 60_000);
    }
    const row = await db().signInThrottle.findUniqueOrThrow({ where: { key: `pair:${user.email}|${address}` } });
    expect(row.lockedUntil!.getTime() - row.windowStart.getTime()).toBe(15 * 60_000);
    now = new Date(now.getTime() + 61 * 60_000);
    expect((await authenticate(db(), { email: user.email, password: TEST_PASSWORD }, address, now)).id).toBe(user.id);
  });

  it("checks no more than the free failures of a pair when attempts arrive at once", async () => {
    const user = await createUser(db());
    const address = freshAddress();
    const now = new Date("2026-06-03T10:00:00Z");
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => authenticate(db(), { email: user.email, password: "wrong-password" }, address, now)),
    );
    const messages = results.map((r) => (r.status === "rejected" ? (r.reason as Error).message : "signed in"));
    const checked = messages.filter((m) => m === WRONG_CREDENTIALS);
    expect(checked.length + messages.filter((m) => THROTTLED.test(m)).length).toBe(10);
    expect(checked.length).toBe(4);
  });

  it("a right password starts the pair again", async () => {
    const user = await createUser(db());
    const address = freshAddress();
    const wrong = () => authenticate(db(), { email: user.email, password: "wrong-password" }, address);
    for (let i = 0; i < 3; i++) await failuresOf(wrong);
    expect((await authenticate(db(), { email: user.email, password: TEST_PASSWORD }, address)).id).toBe(user.id);
    for (let i = 0; i < 3; i++) await failuresOf(wrong);
    expect((await authenticate(db(), { email: user.email, password: TEST_PASSWORD }, address)).id).toBe(user.id);
  });

  it("over 100 failures an hour, a password alone no longer signs in: the right one gets an emailed link, with the same answer", async () => {
    const user = await createUser(db());
    const now = new Date("2026-06-04T10:00:00Z");
    // 100 failures from 100 addresses (a botnet): each pair is below its delay.
    for (let i = 0; i < 100; i++) {
      await failuresOf(() => authenticate(db(), { email: user.email, password: "wrong-password" }, freshAddress(), now));
    }
    const wrong = authenticate(db(), { email: user.email, password: "wrong-password" }, freshAddress(), now);
    await expect(wrong).rejects.toThrow(OVER_CEILING);
    expect(await db().accountEmail.count({ where: { to: user.email, kind: "SIGN_IN_LINK" } })).toBe(0);
    const right = authenticate(db(), { email: user.email, password: TEST_PASSWORD }, freshAddress(), now);
    await expect(right).rejects.toThrow(OVER_CEILING);
    const emails = await db().accountEmail.findMany({ where: { to: user.email, kind: "SIGN_IN_LINK" } });
    expect(emails).toHaveLength(1);
    expect(emails[0]!.link).toMatch(/\/signin\/link\?token=[A-Za-z0-9_-]{43}$/);
    // An hour later the ceiling has passed.
    const later = new Date(now.getTime() + 61 * 60_000);
    expect((await authenticate(db(), { email: user.email, password: TEST_PASSWORD }, freshAddress(), later)).id).toBe(user.id);
  });

  it("records failed sign-ins in the audit log, with the address", async () => {
    const user = await createUser(db());
    const address = freshAddress();
    await failuresOf(() => authenticate(db(), { email: user.email, password: "wrong-password" }, address));
    const events = await db().auditEvent.findMany({ where: { userId: user.id } });
    expect(events).toEqual([expect.objectContaining({ action: "signin.failed", workspaceId: null, email: user.email, address })]);
  });
});

describe("password storage", () => {
  it("stores argon2id hashes with OWASP's parameters, never the password", async () => {
    const password = "a-long-signup-password";
    const email = `${unique("signup")}@example.test`;
    await callerFor(null).workspace.signUp({
      name: "Sam",
      email,
      password,
      workspaceName: "Sam's Alliances",
      slug: unique("sam").toLowerCase(),
    });
    const user = await db().user.findUniqueOrThrow({ where: { email } });
    expect(user.passwordHash!.startsWith("$argon2id$v=19$m=19456,t=2,p=1$")).toBe(true);
    expect(user.passwordHash).not.toContain(password);
    expect((await authenticate(db(), { email, password }, freshAddress())).id).toBe(user.id);
  });
});

describe("workspace.signUp", () => {
  it("creates the user, the workspace, their OWNER membership and framework v1 of 4 pillars x 4 statements", async () => {
    const email = `${unique("Founder")}@Example.test`;
    const slug = unique("northwind").toLowerCase();
    const result = await callerFor(null).workspace.signUp({
      name: "  Fran Founder ",
      email,
      password: "founder-password-1",
      workspaceName: "Northwind Alliances",
      slug,
    });
    expect(result).toEqual({ slug, email: email.toLowerCase() });

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
  });

  it("refuses an email that already has an account (CONFLICT), creating nothing", async () => {
    const existing = await createUser(db());
    const slug = unique("dup-email").toLowerCase();
    await expectTrpcError(
      callerFor(null).workspace.signUp({
        name: "Dup",
        email: existing.email.toUpperCase(),
        password: "another-password",
        workspaceName: "Dup Co",
        slug,
      }),
      "CONFLICT",
      /An account with this email already exists/,
    );
    expect(await db().workspace.count({ where: { slug } })).toBe(0);
    expect(await db().user.count({ where: { email: existing.email } })).toBe(1);
  });

  it("refuses a slug that is taken (CONFLICT), creating no account", async () => {
    const w = await buildWorld();
    const email = `${unique("late")}@example.test`;
    await expectTrpcError(
      callerFor(null).workspace.signUp({ name: "Late", email, password: "another-password", workspaceName: "Late Co", slug: w.slug }),
      "CONFLICT",
      new RegExp(`The address "${w.slug}" is taken`),
    );
    expect(await db().user.count({ where: { email } })).toBe(0);
    expect(await db().member.count({ where: { workspaceId: w.workspace.id } })).toBe(6);
  });

  it("refuses a reserved slug (CONFLICT) and leaves no account behind", async () => {
    const email = `${unique("reserved")}@example.test`;
    await expectTrpcError(
      callerFor(null).workspace.signUp({ name: "Res", email, password: "another-password", workspaceName: "Res Co", slug: "admin" }),
      "CONFLICT",
      /reserved/,
    );
    expect(await db().user.count({ where: { email } })).toBe(0);
  });
});
