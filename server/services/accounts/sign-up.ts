// Sign-up, confirmed by email. The form (name, email, password, workspace name and address)
// answers alike for every address: "check your email". A new address gets a link (SIGN_UP token,
// 24 hours, once) that holds what was asked for, the password only as its hash; the link's page
// creates the account and the workspace and signs in. An address that already has an account
// gets an email saying so, with a sign-in link and the way to a new password, and nothing is
// created. The workspace address is checked first, the same for everyone: it tells whether a
// workspace has it, never whether an account exists.
//
// Both branches cost about the same: the password is hashed (the slow part) either way, and each
// queues one email in one transaction; the email is sent after the response.
import { z } from "zod";
import { Prisma, type PrismaClient } from "../../db/generated/client";
import { badRequest, conflict } from "../../access/errors";
import { isUniqueViolation } from "../../db/errors";
import { hashPassword } from "../../password";
import { MIN_PASSWORD_LENGTH } from "../../password-policy";
import { createWorkspace, newWorkspaceDb, slugProblem } from "../workspaces";
import { enqueueAccountEmail, sendSoon } from "./account-emails";
import { auditAccount } from "./audit";
import { normaliseEmail } from "./email-address";
import { handOffSignIn } from "./handoff";
import { checkLink, claimLink, type LinkProblem, type LinkWords } from "./link-check";
import { signUpConfirmEmail, signUpExistingEmail } from "./recovery-templates";
import { issueToken, TOKEN_LIFETIME_MS } from "./tokens";

const SIGN_UP_HOURS = TOKEN_LIFETIME_MS.SIGN_UP / 3_600_000;
const SIGN_IN_MINUTES = TOKEN_LIFETIME_MS.SIGN_IN / 60_000;
// At most one sign-up email a minute to an address, whichever kind: the form cannot flood an inbox.
const MIN_INTERVAL_MS = 60_000;

export const SIGN_UP_LINK_WORDS: LinkWords = {
  invalid: "This sign-up link is not valid. Check that you copied all of it, or sign up again.",
  used: "This sign-up link has already been used, or a newer one was sent. Sign in, or use the link in the latest email.",
  expired: `This sign-up link has expired: each link works for ${SIGN_UP_HOURS} hours. Sign up again to get a new one.`,
};

export interface SignUpInput {
  name: string;
  email: string;
  password: string;
  workspaceName: string;
  slug: string;
}

// What the form answers, whatever the address.
const ANSWER = { checkEmail: true } as const;

// What the SIGN_UP token keeps until the link is used.
const pendingSignUp = z.object({
  name: z.string().min(1),
  passwordHash: z.string().min(1),
  workspaceName: z.string().min(1),
  slug: z.string().min(1),
});
type PendingSignUp = z.infer<typeof pendingSignUp>;

export async function requestSignUp(
  db: PrismaClient,
  input: SignUpInput,
  opts: { address?: string | null; now?: Date } = {},
): Promise<typeof ANSWER> {
  const now = opts.now ?? new Date();
  const email = normaliseEmail(input.email);
  const problem = await slugProblem(db, input.slug);
  if (problem) throw conflict(problem);
  if (input.password.length < MIN_PASSWORD_LENGTH)
    throw badRequest(`Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.`, "password");
  const passwordHash = await hashPassword(input.password);

  const recent = await db.accountEmail.count({
    where: {
      to: email,
      kind: { in: ["SIGN_UP_CONFIRM", "SIGN_UP_EXISTING"] },
      createdAt: { gt: new Date(now.getTime() - MIN_INTERVAL_MS) },
    },
  });
  if (recent > 0) return ANSWER;

  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true } });
  await db.$transaction(async (tx) => {
    if (user) {
      // The password typed here is dropped: it neither replaces nor tests the account's own.
      const token = await issueToken(tx, { purpose: "SIGN_IN", email, userId: user.id, data: { next: "/workspaces" }, now });
      await enqueueAccountEmail(tx, signUpExistingEmail(email, token, SIGN_IN_MINUTES));
      await auditAccount(tx, { action: "signin.link_sent", userId: user.id, email, address: opts.address, detail: { reason: "sign-up" } });
      return;
    }
    // The last email is the one that works.
    await tx.authToken.updateMany({ where: { purpose: "SIGN_UP", email, userId: null, usedAt: null }, data: { usedAt: now } });
    const data: PendingSignUp = { name: input.name, passwordHash, workspaceName: input.workspaceName, slug: input.slug };
    const token = await issueToken(tx, { purpose: "SIGN_UP", email, data, now });
    await enqueueAccountEmail(tx, signUpConfirmEmail(email, token, SIGN_UP_HOURS));
  });
  sendSoon();
  return ANSWER;
}

export type SignUpLinkState =
  | { ok: true; email: string; name: string; workspaceName: string; slug: string; slugProblem: string | null }
  | { ok: false; problem: LinkProblem; message: string; email: string | null };

async function openLink(db: PrismaClient, token: string, now: Date) {
  const state = await checkLink(db, "SIGN_UP", token, SIGN_UP_LINK_WORDS, now);
  if (!state.ok) return state;
  const data = pendingSignUp.safeParse(state.token.data);
  if (!data.success) return { ok: false as const, problem: "invalid" as const, message: SIGN_UP_LINK_WORDS.invalid, email: null };
  return { ...state, data: data.data };
}

// What the link's page shows: who signs up, the workspace, and whether its address is still free
// (someone may have taken it since), so the page can ask for another one before the button.
export async function checkSignUp(db: PrismaClient, token: string, now = new Date()): Promise<SignUpLinkState> {
  const state = await openLink(db, token, now);
  if (!state.ok) return state;
  const { name, workspaceName, slug } = state.data;
  return { ok: true, email: state.token.email, name, workspaceName, slug, slugProblem: await slugProblem(db, slug) };
}

// The link's button: the account (unless the address has one by now: the link proves the address,
// so the workspace goes to that account, whose name and password stay as they are), the workspace
// with its owner and framework, all or nothing. A taken address refuses with its reason and leaves
// the link unused, so the page can ask for another (a CONFLICT here is only ever about the address).
export async function confirmSignUp(
  db: PrismaClient,
  input: { token: string; slug?: string },
  opts: { address?: string | null; now?: Date } = {},
): Promise<{ slug: string; signInToken: string }> {
  const now = opts.now ?? new Date();
  const state = await openLink(db, input.token, now);
  if (!state.ok) throw badRequest(state.message);
  const slug = input.slug ?? state.data.slug;
  const problem = await slugProblem(db, slug);
  if (problem) throw conflict(problem);

  const done = await newWorkspaceDb(db)
    .$transaction(async (tx) => {
      const used = await claimLink(tx, "SIGN_UP", input.token, SIGN_UP_LINK_WORDS, now);
      const existing = await tx.user.findUnique({ where: { email: used.email }, select: { id: true, email: true } });
      const user =
        existing ??
        (await tx.user.create({
          data: { email: used.email, name: state.data.name, passwordHash: state.data.passwordHash },
          select: { id: true, email: true },
        }));
      const workspace = await createWorkspace(tx, { userId: user.id, name: state.data.workspaceName, slug });
      // The password's hash has done its work; the used token need not keep it.
      await tx.authToken.update({ where: { id: used.id }, data: { data: Prisma.DbNull } });
      return { user, created: !existing, slug: workspace.slug, signInToken: await handOffSignIn(tx, user, now) };
    })
    .catch((error: unknown) => {
      // An account for the address made at the same moment (an invitation accepted meanwhile):
      // nothing was kept and the link is unused, so trying again joins that account.
      if (isUniqueViolation(error)) throw badRequest("An account for this address was created at the same moment. Please try again.");
      throw error;
    });
  // Account events belong to no workspace, so not to the new one's transaction either.
  if (done.created) {
    await auditAccount(db, {
      action: "account.created",
      userId: done.user.id,
      actorUserId: done.user.id,
      email: done.user.email,
      address: opts.address,
      detail: { via: "sign-up" },
    });
  }
  return { slug: done.slug, signInToken: done.signInToken };
}
