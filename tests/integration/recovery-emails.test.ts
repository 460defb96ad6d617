// Every email of password reset, sign-in links, sign-up and an invitation to an existing account,
// delivered through a real SMTP server on loopback and read back as a mail client would: the
// link in the received text is the one that works.
import { describe, expect, it } from "vitest";
import type { ParsedMail } from "mailparser";
import { createUser, unique } from "../../prisma/factories";
import { verifyPassword } from "../../server/password";
import { deliverAccountEmails } from "../../server/services/accounts/account-emails";
import { signInWithToken, tokenOf } from "./account-links";
import { buildWorld, callerFor, db, appDb } from "./helpers";
import { startSmtp } from "./loopback-smtp";

const anonymous = () => callerFor(null);

// Sends what the test queued for `to` (only that: a shared database holds other tests' emails).
async function deliverTo(smtp: Awaited<ReturnType<typeof startSmtp>>, to: string): Promise<ParsedMail> {
  expect(await deliverAccountEmails(appDb(), { transport: smtp.transport, to: [to] })).toEqual({ sent: 1, failed: 0 });
  // Sent is sent: a second run has nothing for this address.
  expect(await deliverAccountEmails(appDb(), { transport: smtp.transport, to: [to] })).toEqual({ sent: 0, failed: 0 });
  const mails = smtp.to(to);
  expect(mails).toHaveLength(1);
  const mail = mails[0]!;
  expect(mail.to).toMatchObject({ value: [{ address: to }] });
  expect(mail.from).toMatchObject({ value: [{ address: "no-reply@localhost", name: "Partnership Health" }] });
  return mail;
}

const linksIn = (mail: ParsedMail) => [...(mail.text ?? "").matchAll(/https?:\/\/\S+/g)].map((m) => m[0]);
const tokenLinkIn = (mail: ParsedMail, path: string) => {
  const link = linksIn(mail).find((l) => new URL(l).pathname === path && new URL(l).searchParams.has("token"));
  if (!link) throw new Error(`No ${path} link in: ${mail.text}`);
  return link;
};

describe("account emails over SMTP", () => {
  it("a password reset: the received link chooses the new password", async () => {
    const smtp = await startSmtp();
    const user = await createUser(db());
    await anonymous().passwordReset.request({ email: user.email });
    const mail = await deliverTo(smtp, user.email);
    expect(mail.subject).toBe("Choose a new password for Partnership Health");
    expect(mail.text).toMatch(/It works once, for the next 60 minutes/);
    const token = tokenOf(tokenLinkIn(mail, "/signin/reset"));
    await anonymous().passwordReset.complete({ token, password: "emailed-new-password" });
    const stored = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(stored.passwordHash!, "emailed-new-password")).toBe(true);
    const row = await db().accountEmail.findFirstOrThrow({ where: { to: user.email } });
    expect(row).toMatchObject({ sentAt: expect.any(Date), attempts: 0, lastError: null });
  });

  it("a sign-in link: the received link signs in", async () => {
    const smtp = await startSmtp();
    const user = await createUser(db());
    await anonymous().signInLink.request({ email: user.email });
    const mail = await deliverTo(smtp, user.email);
    expect(mail.subject).toBe("Your sign-in link for Partnership Health");
    const token = tokenOf(tokenLinkIn(mail, "/signin/link"));
    expect((await signInWithToken(token)).id).toBe(user.id);
  });

  it("a sign-up of a new address: the received link creates the workspace", async () => {
    const smtp = await startSmtp();
    const email = `${unique("founder")}@example.test`.toLowerCase();
    const slug = unique("mailed").toLowerCase();
    await anonymous().workspace.signUp({ name: "Mia Mailed", email, password: "mailed-password-1", workspaceName: "Mailed Co", slug });
    const mail = await deliverTo(smtp, email);
    expect(mail.subject).toBe("Confirm your email to create your Partnership Health workspace");
    expect(mail.text).not.toContain("Mia");
    const token = tokenOf(tokenLinkIn(mail, "/signup/confirm"));
    expect(await anonymous().workspace.confirmSignUp({ token })).toMatchObject({ slug });
  });

  it("a sign-up of an address with an account: the email says so, with a sign-in link and the way to a new password", async () => {
    const smtp = await startSmtp();
    const user = await createUser(db());
    await anonymous().workspace.signUp({
      name: "Someone",
      email: user.email,
      password: "whatever-password",
      workspaceName: "Whatever",
      slug: unique("whatever").toLowerCase(),
    });
    const mail = await deliverTo(smtp, user.email);
    expect(mail.subject).toBe("You already have a Partnership Health account");
    const links = linksIn(mail).map((l) => new URL(l));
    expect(links.map((l) => l.pathname)).toEqual(["/signin/link", "/signin", "/signin/forgot"]);
    expect(links[2]!.searchParams.get("email")).toBe(user.email);
    expect((await signInWithToken(tokenOf(links[0]!.href))).id).toBe(user.id);
  });

  it("an invitation to an address with an account: the owner's sign-in link leads back to the invitation", async () => {
    const smtp = await startSmtp();
    const w = await buildWorld();
    const user = await createUser(db());
    const invitation = await w.admin.api.invitation.create({ workspaceSlug: w.slug, email: user.email, role: "MANAGER" });
    const inviteToken = invitation.path.split("/").pop()!;
    await anonymous().invitation.accept({ token: inviteToken, name: "Whoever" });
    const mail = await deliverTo(smtp, user.email);
    expect(mail.subject).toBe("Your sign-in link for Partnership Health");
    const token = tokenOf(tokenLinkIn(mail, "/signin/link"));
    expect(await anonymous().signInLink.check({ token })).toMatchObject({ ok: true, next: invitation.path });
  });
});
