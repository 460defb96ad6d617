// Invitations: a single-use, expiring link whose token is never stored, which turns into a
// membership with the invited role. No password is needed to accept: the link is enough to make
// the invited address's account, never to open an account that already exists (the link passes
// through the admin's hands), and nothing an admin can see tells whether the invitee has one.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createUser, TEST_PASSWORD, unique } from "../../prisma/factories";
import { verifyPassword } from "../../server/password";
import { liveSessionUser } from "../../server/services/accounts/sessions";
import { emailsTo, linkTokenTo, signInWithToken } from "./account-links";
import { buildWorld, callerFor, db, expectTrpcError, appDb } from "./helpers";

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

const acceptAsNew = (token: string, name = "New Person") => anonymous().invitation.accept({ token, name, password: NEW_PASSWORD });

const joined = (email: string, workspaceSlug: string) => ({
  status: "joined",
  email,
  workspaceSlug,
  signInToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
});

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
      name: null,
      viewer: { kind: "signedOut" },
    });

    const result = await acceptAsNew(token, "  Nora Newcomer ");
    expect(result).toEqual(joined(email, w.slug));
    const user = await db().user.findUniqueOrThrow({ where: { email } });
    expect(user.name).toBe("Nora Newcomer");
    expect(await verifyPassword(user.passwordHash!, NEW_PASSWORD)).toBe(true);
    const member = await db().member.findUniqueOrThrow({ where: { workspaceId_userId: { workspaceId: w.workspace.id, userId: user.id } } });
    expect(member).toMatchObject({ role: "MANAGER", partnerOrgId: null, removedAt: null });
    expect((await db().invitation.findFirstOrThrow({ where: { id } })).acceptedAt).toBeInstanceOf(Date);

    // The new member is in: their own workspace answers with their role.
    const current = await callerFor(user.id).workspace.current({ workspaceSlug: w.slug });
    expect(current.role).toBe("MANAGER");

    // The page signs them in with the token it was handed, once.
    const session = await signInWithToken(result.status === "joined" ? result.signInToken! : "");
    expect(await liveSessionUser(appDb(), user.id, session.sid)).toBe(user.id);
    await expect(signInWithToken(result.status === "joined" ? result.signInToken! : "")).rejects.toThrow(/already been used/);
    expect(await db().accountAuditEvent.count({ where: { userId: user.id, action: "account.created" } })).toBe(1);
  });

  it("needs no password: the account then signs in by emailed link, or sets one by reset", async () => {
    const w = await buildWorld();
    const { token, email } = await invite(w, { role: "EXECUTIVE" });
    const result = await anonymous().invitation.accept({ token, name: "Link Only" });
    expect(result).toEqual(joined(email, w.slug));
    const user = await db().user.findUniqueOrThrow({ where: { email } });
    expect(user.passwordHash).toBeNull();
    expect((await signInWithToken(result.status === "joined" ? result.signInToken! : "")).id).toBe(user.id);

    await anonymous().signInLink.request({ email });
    expect((await signInWithToken(await linkTokenTo(email, "SIGN_IN_LINK"))).id).toBe(user.id);
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
      anonymous().invitation.accept({ token, name: "   ", password: NEW_PASSWORD }),
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
    const stored = await db().invitation.findFirstOrThrow({ where: { id } });
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

  it("works once: reusing it is refused, signed out or signed in", async () => {
    const w = await buildWorld();
    const { token, email } = await invite(w);
    await acceptAsNew(token);
    await expectTrpcError(acceptAsNew(token, "Someone Else"), "BAD_REQUEST", /already been used/);
    const user = await db().user.findUniqueOrThrow({ where: { email } });
    await expectTrpcError(callerFor(user.id).invitation.accept({ token }), "BAD_REQUEST", /already been used/);
    expect(await anonymous().invitation.preview({ token })).toEqual({
      ok: false,
      message: "This invitation has already been used. Sign in instead, or ask for a new invitation.",
    });
    expect((await db().user.findUniqueOrThrow({ where: { email } })).name).toBe("New Person");
    expect(await db().member.count({ where: { workspaceId: w.workspace.id, userId: user.id } })).toBe(1);
  });

  it("two accepts at once make one account and one membership", async () => {
    const w = await buildWorld();
    const { token, email } = await invite(w);
    const results = await Promise.allSettled([acceptAsNew(token, "First Tab"), acceptAsNew(token, "Second Tab")]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    // The other tab is told plainly, whichever step it lost the race at.
    const lost = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(String(lost?.reason?.message)).toMatch(/already been used/);
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
    await db().invitation.update({
      where: { workspaceId_id: { workspaceId: w.workspace.id, id } },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });

    expect(await anonymous().invitation.preview({ token })).toEqual({
      ok: false,
      message: "This invitation has expired. Ask your workspace admin for a new one.",
    });
    await expectTrpcError(acceptAsNew(token), "BAD_REQUEST", /has expired/);
    expect(await db().user.count({ where: { email } })).toBe(0);
    expect((await db().invitation.findFirstOrThrow({ where: { id } })).acceptedAt).toBeNull();
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
    expect((await db().invitation.findFirstOrThrow({ where: { id: old.id } })).revokedAt).toBeInstanceOf(Date);
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
    expect((await db().invitation.findFirstOrThrow({ where: { id: there.id } })).revokedAt).toBeNull();
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
    expect(await w.executive.api.invitation.accept({ token })).toEqual({
      status: "joined",
      email: w.executive.user.email,
      workspaceSlug: w.slug,
      signInToken: null,
    });
    const member = await db().member.findFirstOrThrow({ where: { id: w.executive.member.id } });
    expect(member).toMatchObject({ role: "MANAGER", removedAt: null });
  });
});

describe("nothing tells whether the invitee has an account", () => {
  it("the invitation, the list and the preview read the same for an address with an account and one without", async () => {
    const w = await buildWorld();
    const existing = await createUser(db());
    const withAccount = await invite(w, { email: existing.email, role: "EXECUTIVE" });
    const without = await invite(w, { role: "EXECUTIVE" });
    const strip = <T extends { email: string }>(x: T) => ({ ...x, email: "(address)" });
    const shape = (x: object) => Object.keys(x).sort();
    expect(shape(withAccount)).toEqual(shape(without));

    const [a, b] = await Promise.all([withAccount, without].map(({ token }) => anonymous().invitation.preview({ token })));
    expect(a!.ok && b!.ok).toBe(true);
    if (!a!.ok || !b!.ok) return;
    expect(strip(a!)).toEqual(strip(b!));
    // An admin who opens the link sees the same too (they are signed in as someone else).
    const [c, d] = await Promise.all([withAccount, without].map(({ token }) => w.admin.api.invitation.preview({ token })));
    if (!c!.ok || !d!.ok) throw new Error("preview refused");
    expect(strip(c!)).toEqual(strip(d!));
    expect(c!.viewer).toEqual({ kind: "someoneElse", email: w.admin.user.email });

    const listed = await w.admin.api.invitation.list({ workspaceSlug: w.slug });
    const rows = listed.map((i) => ({ ...strip(i), id: "(id)", createdAt: "(t)", expiresAt: "(t)" }));
    expect(rows[0]).toEqual(rows[1]);
  });
});

describe("accepting with an existing account", () => {
  it("signed out, the link alone neither signs in nor joins: the account's owner gets a sign-in link back to it", async () => {
    const w = await buildWorld();
    const existing = await createUser(db(), { name: "Already Here" });
    const { token, id } = await invite(w, { email: existing.email, role: "EXECUTIVE" });

    // Whoever holds the link (the admin copied it) fills the form, with any name and password.
    expect(await anonymous().invitation.accept({ token, name: "Impostor", password: NEW_PASSWORD })).toEqual({
      status: "signInToJoin",
      email: existing.email,
    });
    expect((await db().invitation.findFirstOrThrow({ where: { id } })).acceptedAt).toBeNull();
    expect(await db().member.count({ where: { workspaceId: w.workspace.id, userId: existing.id } })).toBe(0);
    expect(await db().userSession.count({ where: { userId: existing.id } })).toBe(0);
    const unchanged = await db().user.findUniqueOrThrow({ where: { id: existing.id } });
    expect(unchanged).toMatchObject({ name: "Already Here", passwordHash: existing.passwordHash });
    expect(await verifyPassword(unchanged.passwordHash!, TEST_PASSWORD)).toBe(true);

    // The owner signs in with the link sent to their own mailbox, which leads back to the invitation.
    const [sent, ...more] = await emailsTo(existing.email, "SIGN_IN_LINK");
    expect(more).toEqual([]);
    const link = await linkTokenTo(existing.email, "SIGN_IN_LINK");
    expect(await anonymous().signInLink.check({ token: link })).toEqual({ ok: true, email: existing.email, next: `/invite/${token}` });
    expect(sent!.text).not.toContain(token);
    const session = await signInWithToken(link);
    expect(session.id).toBe(existing.id);

    // Signed in as the invitee: one click.
    const me = callerFor(existing.id);
    expect(await me.invitation.preview({ token })).toMatchObject({ ok: true, viewer: { kind: "invitee" } });
    expect(await me.invitation.accept({ token })).toEqual({
      status: "joined",
      email: existing.email,
      workspaceSlug: w.slug,
      signInToken: null,
    });
    const member = await db().member.findUniqueOrThrow({
      where: { workspaceId_userId: { workspaceId: w.workspace.id, userId: existing.id } },
    });
    expect(member.role).toBe("EXECUTIVE");
    const user = await db().user.findUniqueOrThrow({ where: { id: existing.id } });
    expect(user).toMatchObject({ name: "Already Here", passwordHash: existing.passwordHash });
    expect(await db().user.count({ where: { email: existing.email } })).toBe(1);
    // Used: the link cannot be replayed.
    await expectTrpcError(me.invitation.accept({ token }), "BAD_REQUEST", /already been used/);
    await expectTrpcError(anonymous().invitation.accept({ token, name: "Again" }), "BAD_REQUEST", /already been used/);
  });

  it("signed in as someone else, it is refused with the choice spelled out, changing nothing", async () => {
    const w = await buildWorld();
    const { token, email, id } = await invite(w);
    const other = await createUser(db());
    expect(await callerFor(other.id).invitation.preview({ token })).toMatchObject({
      ok: true,
      viewer: { kind: "someoneElse", email: other.email },
    });
    await expectTrpcError(
      callerFor(other.id).invitation.accept({ token, name: "Other", password: NEW_PASSWORD }),
      "BAD_REQUEST",
      new RegExp(
        `^This invitation is for ${email.replace(/[.+]/g, "\\$&")}, and you are signed in as ${other.email.replace(/[.+]/g, "\\$&")}\\. Sign out`,
      ),
    );
    expect((await db().invitation.findFirstOrThrow({ where: { id } })).acceptedAt).toBeNull();
    expect(await db().user.count({ where: { email } })).toBe(0);
    expect(await db().member.count({ where: { workspaceId: w.workspace.id, userId: other.id } })).toBe(0);
  });
});

describe("a new person's password", () => {
  it("is optional, and when given must meet the minimum length", async () => {
    const w = await buildWorld();
    const { token, email, id } = await invite(w);
    await expectTrpcError(
      anonymous().invitation.accept({ token, name: "Shorty", password: "short" }),
      "BAD_REQUEST",
      /^Please choose a password of at least 10 characters, or leave it empty\.$/,
    );
    expect(await db().user.count({ where: { email } })).toBe(0);
    expect((await db().invitation.findFirstOrThrow({ where: { id } })).acceptedAt).toBeNull();
    await anonymous().invitation.accept({ token, name: "Shorty", password: "" });
    expect((await db().user.findUniqueOrThrow({ where: { email } })).passwordHash).toBeNull();
  });
});
