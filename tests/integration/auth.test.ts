// Sign-in (with its rate limits), password storage, and sign-up.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createUser, TEST_PASSWORD, unique } from "../../prisma/factories";
import { authenticate, WRONG_CREDENTIALS } from "../../server/services/authenticate";
import { buildWorld, callerFor, db, expectTrpcError } from "./helpers";

// The throttle table is global: every test uses its own emails and its own client address.
const freshAddress = () => `198.51.100.${randomUUID()}`;
const THROTTLED = /^Too many failed sign-in attempts\. Try again in 15 minutes\.$/;

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

  it("locks an account after 5 failures: the 6th attempt is refused even with the right password", async () => {
    const user = await createUser(db());
    const wrong = () => authenticate(db(), { email: user.email, password: "wrong-password" }, freshAddress());
    for (let i = 0; i < 5; i++) await failuresOf(wrong);
    // A different address each time: the lock is on the account.
    await expect(authenticate(db(), { email: user.email, password: TEST_PASSWORD }, freshAddress())).rejects.toThrow(THROTTLED);
    await expect(authenticate(db(), { email: user.email.toUpperCase(), password: TEST_PASSWORD }, null)).rejects.toThrow(THROTTLED);
  });

  it("checks no more than 5 wrong passwords for an account even when the attempts arrive at once", async () => {
    const user = await createUser(db());
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => authenticate(db(), { email: user.email, password: "wrong-password" }, freshAddress())),
    );
    const messages = results.map((r) => (r.status === "rejected" ? (r.reason as Error).message : "signed in"));
    const checked = messages.filter((m) => m === WRONG_CREDENTIALS);
    const throttled = messages.filter((m) => THROTTLED.test(m));
    expect(checked.length + throttled.length).toBe(10);
    expect(checked.length).toBeLessThanOrEqual(5);
    const row = await db().signInThrottle.findUniqueOrThrow({ where: { key: `account:${user.email}` } });
    expect(row.failures).toBe(checked.length);
  });

  it("does not lock an account after 4 failures, and a success starts the count again", async () => {
    const user = await createUser(db());
    const address = freshAddress();
    const wrong = () => authenticate(db(), { email: user.email, password: "wrong-password" }, address);
    for (let i = 0; i < 4; i++) await failuresOf(wrong);
    expect((await authenticate(db(), { email: user.email, password: TEST_PASSWORD }, address)).id).toBe(user.id);
    // Cleared: four more failures still leave the account open.
    for (let i = 0; i < 4; i++) await failuresOf(wrong);
    expect((await authenticate(db(), { email: user.email, password: TEST_PASSWORD }, address)).id).toBe(user.id);
  });

  it("locks an address after 20 failures across different emails, but not other addresses", async () => {
    const address = freshAddress();
    for (let i = 0; i < 20; i++) {
      await failuresOf(() => authenticate(db(), { email: `${unique("guess")}@example.test`, password: "guess-password" }, address));
    }
    const user = await createUser(db());
    await expect(authenticate(db(), { email: user.email, password: TEST_PASSWORD }, address)).rejects.toThrow(THROTTLED);
    // The account itself is not locked: from another address it signs in.
    expect((await authenticate(db(), { email: user.email, password: TEST_PASSWORD }, freshAddress())).id).toBe(user.id);
  });

  it("counts 19 failures from an address without locking it", async () => {
    const address = freshAddress();
    for (let i = 0; i < 19; i++) {
      await failuresOf(() => authenticate(db(), { email: `${unique("guess")}@example.test`, password: "guess-password" }, address));
    }
    const user = await createUser(db());
    expect((await authenticate(db(), { email: user.email, password: TEST_PASSWORD }, address)).id).toBe(user.id);
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
    expect(user.passwordHash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$")).toBe(true);
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
