// Invitations: a single-use, expiring link whose token is never stored, which turns into a
// membership with the invited role.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createUser, TEST_PASSWORD, unique } from "../../prisma/factories";
import { verifyPassword } from "../../server/password";
import { buildWorld, callerFor, db, expectTrpcError } from "./helpers";

type World = Awaited<ReturnType<typeof buildWorld>>;

const NEW_PASSWORD = "a-brand-new-password";
const anonymous = () => callerFor(null);
const tokenOf = (path: string) => path.replace(/^\/invite\//, "");
const freshEmail = () => `${unique("invitee")}@example.test`;

async function invite(
  w: World,
  input: { email?: string; role?: "ADMIN" | "MANAGER" | "EXECUTIVE" | "PARTNER"; partnerOrgId?: string } = {},
) {
  const email = input.email ?? freshEmail();
  const created = await w.admin.api.invitation.create({
    workspaceSlug: w.slug,
    email,
    role: input.role ?? "MANAGER",
    partnerOrgId: input.partnerOrgId,
  });
  return { ...created, token: tokenOf(created.path) };
}

const acceptAsNew = (token: string, name = "New Person") =>
  anonymous().invitation.accept({ token, name, password: NEW_PASSWORD, newAccount: true });

describe("accepting an invitation", () => {
  it("previews, then creates the user and a membership with the invited role", async () => {
    const w = await buildWorld();
    const { token, email, id } = await invite(w, { role: "MANAGER" });

    const preview = await anonymous().invitation.preview({ token });
    expect(preview).toEqual({
      ok: true,
      email,
      role: "MANAGER",
      workspaceName: w.workspace.name,
      workspaceSlug: w.slug,
      partnerOrgName: null,
      hasAccount: false,
    });

    expect(await acceptAsNew(token, "  Nora Newcomer ")).toEqual({ email, workspaceSlug: w.slug });
    const user = await db().user.findUniqueOrThrow({ where: { email } });
    expect(user.name).toBe("Nora Newcomer");
    expect(await verifyPassword(user.passwordHash!, NEW_PASSWORD)).toBe(true);
    const member = await db().member.findUniqueOrThrow({ where: { workspaceId_userId: { workspaceId: w.workspace.id, userId: user.id } } });
    expect(member).toMatchObject({ role: "MANAGER", partnerOrgId: null, removedAt: null });
    expect((await db().invitation.findUniqueOrThrow({ where: { id } })).acceptedAt).toBeInstanceOf(Date);

    // The new member is in: their own workspace answers with their role.
    const current = await callerFor(user.id).workspace.current({ workspaceSlug: w.slug });
    expect(current.role).toBe("MANAGER");
  });

  it("ties a PARTNER invitee to the partner organisation", async () => {
    const w = await buildWorld();
    const { token, email } = await invite(w, { role: "PARTNER", partnerOrgId: w.orgB.id });
    const preview = await anonymous().invitation.preview({ token });
    expect(preview).toMatchObject({ ok: true, role: "PARTNER", partnerOrgName: w.orgB.name });

    await acceptAsNew(token);
    const user = await db().user.findUniqueOrThrow({ where: { email } });
    const member = await db().member.findUniqueOrThrow({ where: { workspaceId_userId: { workspaceId: w.workspace.id, userId: user.id } } });
    expect(member).toMatchObject({ role: "PARTNER", partnerOrgId: w.orgB.id });
    const list = await callerFor(user.id).partnership.list({ workspaceSlug: w.slug });
    expect(list.map((p) => p.id)).toEqual([w.partnershipB.id]);
  });

  it("asks a new person for their name", async () => {
    const w = await buildWorld();
    const { token, email } = await invite(w);
    await expectTrpcError(
      anonymous().invitation.accept({ token, name: "   ", password: NEW_PASSWORD, newAccount: true }),
      "BAD_REQUEST",
      /Please enter your name/,
    );
    expect(await db().user.count({ where: { email } })).toBe(0);
  });
});

describe("the invitation token", () => {
  it("is stored only as its sha256 hash and carries at least 128 bits", async () => {
    const w = await buildWorld();
    const { token, id, path } = await invite(w);
    expect(path).toBe(`/invite/${token}`);
    // base64url: 22 characters carry 132 bits.
    expect(token).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    const stored = await db().invitation.findUniqueOrThrow({ where: { id } });
    expect(stored.tokenHash).not.toBe(token);
    expect(stored.tokenHash).not.toContain(token);
    expect(stored.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(stored)).not.toContain(token);
  });

  it("is different on every invitation", async () => {
    const w = await buildWorld();
    const tokens = new Set<string>();
    for (let i = 0; i < 5; i++) tokens.add((await invite(w)).token);
    expect(tokens.size).toBe(5);
  });

  it("works once: reusing it is refused", async () => {
    const w = await buildWorld();
    const { token, email } = await invite(w);
    await acceptAsNew(token);
    await expectTrpcError(acceptAsNew(token, "Someone Else"), "BAD_REQUEST", /already been used/);
    expect(await anonymous().invitation.preview({ token })).toEqual({
      ok: false,
      message: "This invitation has already been used. Sign in instead, or ask for a new invitation.",
    });
    const user = await db().user.findUniqueOrThrow({ where: { email } });
    expect(user.name).toBe("New Person");
  });

  it("two accepts at once make one account and one membership", async () => {
    const w = await buildWorld();
    const { token, email } = await invite(w);
    const results = await Promise.allSettled([acceptAsNew(token, "First Tab"), acceptAsNew(token, "Second Tab")]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db().user.count({ where: { email } })).toBe(1);
    expect(await db().member.count({ where: { workspaceId: w.workspace.id, user: { email } } })).toBe(1);
  });

  it("is refused when unknown", async () => {
    await expectTrpcError(acceptAsNew("x".repeat(43)), "BAD_REQUEST", /not valid/);
    expect(await anonymous().invitation.preview({ token: "y".repeat(43) })).toMatchObject({ ok: false });
  });

  it("is refused after it expired, and nothing is created", async () => {
    const w = await buildWorld();
    const { token, email, id, expiresAt } = await invite(w);
    // Seven days from now.
    expect(expiresAt.getTime() - Date.now()).toBeGreaterThan(7 * 86_400_000 - 60_000);
    expect(expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(7 * 86_400_000);
    await db().invitation.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });

    expect(await anonymous().invitation.preview({ token })).toEqual({
      ok: false,
      message: "This invitation has expired. Ask your workspace admin for a new one.",
    });
    await expectTrpcError(acceptAsNew(token), "BAD_REQUEST", /has expired/);
    expect(await db().user.count({ where: { email } })).toBe(0);
    expect((await db().invitation.findUniqueOrThrow({ where: { id } })).acceptedAt).toBeNull();
  });

  it("is refused after the invitation was revoked", async () => {
    const w = await buildWorld();
    const { token, email, id } = await invite(w);
    await w.admin.api.invitation.revoke({ workspaceSlug: w.slug, invitationId: id });
    await expectTrpcError(acceptAsNew(token), "BAD_REQUEST", /withdrawn or replaced/);
    expect(await db().user.count({ where: { email } })).toBe(0);
    // Revoking twice: it is no longer pending.
    await expectTrpcError(w.admin.api.invitation.revoke({ workspaceSlug: w.slug, invitationId: id }), "NOT_FOUND");
    expect(await w.admin.api.invitation.list({ workspaceSlug: w.slug })).toEqual([]);
  });

  it("stops working when a new invitation is sent to the same email", async () => {
    const w = await buildWorld();
    const email = freshEmail();
    const old = await invite(w, { email, role: "EXECUTIVE" });
    const renewed = await invite(w, { email: email.toUpperCase(), role: "MANAGER" });
    expect((await db().invitation.findUniqueOrThrow({ where: { id: old.id } })).revokedAt).toBeInstanceOf(Date);
    await expectTrpcError(acceptAsNew(old.token), "BAD_REQUEST", /withdrawn or replaced/);
    const pending = await w.admin.api.invitation.list({ workspaceSlug: w.slug });
    expect(pending.map((i) => i.id)).toEqual([renewed.id]);

    await acceptAsNew(renewed.token);
    const member = await db().member.findFirstOrThrow({ where: { workspaceId: w.workspace.id, user: { email } } });
    expect(member.role).toBe("MANAGER");
  });

  it("of another workspace is not revoked by a new invitation to the same email here", async () => {
    const w = await buildWorld();
    const other = await buildWorld();
    const email = freshEmail();
    const there = await invite(other, { email });
    await invite(w, { email });
    expect((await db().invitation.findUniqueOrThrow({ where: { id: there.id } })).revokedAt).toBeNull();
    expect(await anonymous().invitation.preview({ token: there.token })).toMatchObject({ ok: true, workspaceSlug: other.slug });
  });
});

describe("creating an invitation", () => {
  it("refuses to invite an existing active member (CONFLICT)", async () => {
    const w = await buildWorld();
    await expectTrpcError(
      w.admin.api.invitation.create({ workspaceSlug: w.slug, email: w.manager.user.email.toUpperCase(), role: "EXECUTIVE" }),
      "CONFLICT",
      /already a member of this workspace/,
    );
    expect(await db().invitation.count({ where: { workspaceId: w.workspace.id } })).toBe(0);
    expect(await db().outboxEmail.count({ where: { workspaceId: w.workspace.id } })).toBe(0);
  });

  it("stores exactly one invitation email to the invitee, carrying the link the call returned", async () => {
    const w = await buildWorld();
    const { email, path } = await invite(w, { email: freshEmail().toUpperCase(), role: "PARTNER", partnerOrgId: w.orgA.id });
    const emails = await db().outboxEmail.findMany({ where: { workspaceId: w.workspace.id } });
    expect(emails).toHaveLength(1);
    const [sent] = emails;
    expect(sent).toMatchObject({ kind: "INVITATION", to: email, sentAt: null });
    expect(sent!.to).toBe(sent!.to.toLowerCase());
    expect(sent!.link).toMatch(new RegExp(`^https?://[^/]+${path}$`));
    expect(sent!.text).toContain(path);
    expect(sent!.text).toContain(w.workspace.name);
    expect(sent!.text).toContain(`a partner contact for ${w.orgA.name}`);
    expect(sent!.text).toMatch(/expires in 7 days/);
  });

  it("refuses a PARTNER invitation without a partner organisation (BAD_REQUEST)", async () => {
    const w = await buildWorld();
    await expectTrpcError(
      w.admin.api.invitation.create({ workspaceSlug: w.slug, email: freshEmail(), role: "PARTNER" }),
      "BAD_REQUEST",
      /^Choose the partner organisation this contact belongs to\.$/,
    );
    expect(await db().invitation.count({ where: { workspaceId: w.workspace.id } })).toBe(0);
  });

  it("lets only an owner invite an owner", async () => {
    const w = await buildWorld();
    await expectTrpcError(
      w.admin.api.invitation.create({ workspaceSlug: w.slug, email: freshEmail(), role: "OWNER" }),
      "FORBIDDEN",
      /Only an owner can grant or change the owner role/,
    );
    const byOwner = await w.owner.api.invitation.create({ workspaceSlug: w.slug, email: freshEmail(), role: "OWNER" });
    expect(byOwner.role).toBe("OWNER");
  });

  it("may re-invite a removed member, who comes back with the new role", async () => {
    const w = await buildWorld();
    await w.admin.api.member.remove({ workspaceSlug: w.slug, memberId: w.executive.member.id });
    const { token } = await invite(w, { email: w.executive.user.email, role: "MANAGER" });
    await anonymous().invitation.accept({ token, password: TEST_PASSWORD, newAccount: false });
    const member = await db().member.findUniqueOrThrow({ where: { id: w.executive.member.id } });
    expect(member).toMatchObject({ role: "MANAGER", removedAt: null });
  });
});

describe("accepting with an existing account", () => {
  it("requires that account's correct password, and keeps the account as it was", async () => {
    const w = await buildWorld();
    const existing = await createUser(db(), { name: "Already Here" });
    const { token, id } = await invite(w, { email: existing.email, role: "EXECUTIVE" });
    expect(await anonymous().invitation.preview({ token })).toMatchObject({ ok: true, hasAccount: true });

    await expectTrpcError(
      anonymous().invitation.accept({ token, password: "not-the-password", newAccount: false }),
      "BAD_REQUEST",
      /^That is not the password of your existing account\.$/,
    );
    // A wrong password neither uses up the invitation nor creates a membership.
    expect((await db().invitation.findUniqueOrThrow({ where: { id } })).acceptedAt).toBeNull();
    expect(await db().member.count({ where: { workspaceId: w.workspace.id, userId: existing.id } })).toBe(0);

    // Choosing a "new" password for an existing account does not replace the real one.
    await expectTrpcError(
      anonymous().invitation.accept({ token, name: "Impostor", password: NEW_PASSWORD, newAccount: true }),
      "BAD_REQUEST",
      /not the password of your existing account/,
    );

    await anonymous().invitation.accept({ token, password: TEST_PASSWORD, newAccount: false });
    const member = await db().member.findUniqueOrThrow({
      where: { workspaceId_userId: { workspaceId: w.workspace.id, userId: existing.id } },
    });
    expect(member.role).toBe("EXECUTIVE");
    const user = await db().user.findUniqueOrThrow({ where: { id: existing.id } });
    expect(user.name).toBe("Already Here");
    expect(user.passwordHash).toBe(existing.passwordHash);
    expect(await db().user.count({ where: { email: existing.email } })).toBe(1);
  });
});

describe("confirming an existing account's password", () => {
  it("shares the sign-in limit: after 4 wrong passwords the next try must wait", async () => {
    const w = await buildWorld();
    const existing = await createUser(db());
    const { token, id } = await invite(w, { email: existing.email });
    for (let i = 0; i < 4; i++) {
      await expectTrpcError(
        anonymous().invitation.accept({ token, password: `wrong-password-${i}`, newAccount: false }),
        "BAD_REQUEST",
        /not the password of your existing account/,
      );
    }
    await expectTrpcError(
      anonymous().invitation.accept({ token, password: TEST_PASSWORD, newAccount: false }),
      "BAD_REQUEST",
      /^Too many failed sign-in attempts/,
    );
    expect((await db().invitation.findUniqueOrThrow({ where: { id } })).acceptedAt).toBeNull();
    expect(await db().member.count({ where: { workspaceId: w.workspace.id, userId: existing.id } })).toBe(0);
  });
});

describe("a new person's password", () => {
  it("must meet the minimum length even when the client claims an existing account", async () => {
    const w = await buildWorld();
    const { token, email, id } = await invite(w);
    // No account exists for this email, so accepting creates one with this password.
    await expectTrpcError(anonymous().invitation.accept({ token, name: "Shorty", password: "a", newAccount: false }), "BAD_REQUEST");
    expect(await db().user.count({ where: { email } })).toBe(0);
    expect((await db().invitation.findUniqueOrThrow({ where: { id } })).acceptedAt).toBeNull();
  });

  it("must meet the minimum length when choosing one", async () => {
    const w = await buildWorld();
    const { token, email } = await invite(w);
    await expectTrpcError(
      anonymous().invitation.accept({ token, name: "Shorty", password: "short", newAccount: true }),
      "BAD_REQUEST",
      /at least 10 characters/,
    );
    expect(await db().user.count({ where: { email } })).toBe(0);
  });
});
