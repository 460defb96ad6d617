// Single sign-on against a real OpenID Connect provider (oidc-provider on loopback, tests/oidc):
// the browser's part is played with fetch and a cookie jar, through the app's own HTTP doors
// (server/http/sso-routes.ts) and the provider's own login form. Covers the admin's setup (the
// secret sealed at rest, discovery checked, one workspace per domain), sign-in, joining by
// invitation and by domain rule, required SSO, and every refusal the issue names.
import { generateKeyPairSync } from "node:crypto";
import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { decode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCycle, createPartnerOrg, createWorkspaceWithOwner, TEST_PASSWORD, unique } from "../../prisma/factories";
import { authSecret } from "../../server/auth-secret";
import { SESSION_COOKIE } from "../../server/auth";
import { forWorkspace } from "../../server/db/tenant";
import { FLOW_COOKIE, readCookie, ssoCallback, ssoStart } from "../../server/http/sso-routes";
import { startSession } from "../../server/services/accounts/sessions";
import { requestSignInLink } from "../../server/services/accounts/sign-in-link";
import { authenticate } from "../../server/services/authenticate";
import { openClientSecret } from "../../server/services/sso/connection";
import { completeSsoSignIn, ssoRedirectUri, startSsoSignIn } from "../../server/services/sso/flow";
import { SSO_REFUSALS, SsoRefusal, type SsoRefusalCode } from "../../server/services/sso/refusals";
import { createContextFor } from "../../server/trpc/context";
import { createCaller } from "../../server/trpc/root";
import { signInAtProvider, startTestProvider, type TestProvider } from "../oidc/provider";
import { callerFor, db, expectTrpcError, appDb } from "./helpers";

const APP = "http://localhost:3000";
const redirectUri = ssoRedirectUri();
let idp: TestProvider;
// A second provider with the same client registered, for answers from the wrong issuer.
let otherIdp: TestProvider;

beforeAll(async () => {
  idp = await startTestProvider({
    redirectUris: [redirectUri],
    otherClients: [{ clientId: "another-app", clientSecret: "another-secret-another-secret" }],
  });
  otherIdp = await startTestProvider({ redirectUris: [redirectUri] });
});
afterAll(async () => {
  await idp?.close();
  await otherIdp?.close();
});

type JoinRole = "MANAGER" | "EXECUTIVE" | "ADMIN";

// A company's workspace whose owner's address is at a domain of its own (each test has its own,
// so tests sharing a PostgreSQL database never claim the same one), with SSO set up through the
// admin procedure.
async function company(opts: { joinByDomain?: boolean; joinRole?: JoinRole; provider?: TestProvider } = {}) {
  const domain = `${unique("corp")}.test`;
  const { workspace, user: owner } = await createWorkspaceWithOwner(db(), { owner: { email: `owner@${domain}`, name: "Olive Owner" } });
  const provider = opts.provider ?? idp;
  const settings = {
    issuer: provider.issuer,
    clientId: provider.clientId,
    clientSecret: provider.clientSecret,
    domains: [domain],
    required: false,
    joinByDomain: opts.joinByDomain ?? false,
    joinRole: opts.joinRole ?? ("MANAGER" as JoinRole),
  };
  const admin = callerFor(owner.id);
  await admin.sso.save({ workspaceSlug: workspace.slug, ...settings });
  return { workspace, slug: workspace.slug, owner, domain, admin, settings };
}

const setCookies = (response: Response) =>
  Object.fromEntries(
    response.headers.getSetCookie().map((c) => {
      const [pair] = c.split(";");
      const at = pair!.indexOf("=");
      return [pair!.slice(0, at), pair!.slice(at + 1)];
    }),
  );

async function start(email: string, next?: string) {
  const response = await ssoStart(
    new Request(`${APP}/api/sso/start`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, next }),
    }),
  );
  const body = (await response.json()) as { url?: string; error?: string };
  return { status: response.status, ...body, flow: setCookies(response)[FLOW_COOKIE] ?? null };
}

const callback = (url: URL | string, flow: string | null) =>
  ssoCallback(new Request(url, { headers: flow ? { cookie: `${FLOW_COOKIE}=${flow}` } : {} }));

interface Outcome {
  status: number;
  location: string;
  sessionId: string | null;
  userId: string | null;
}

async function outcomeOf(response: Response): Promise<Outcome> {
  const token = setCookies(response)[SESSION_COOKIE];
  const decoded = token ? await decode({ token, secret: authSecret() }) : null;
  return {
    status: response.status,
    location: response.headers.get("location") ?? "",
    sessionId: typeof decoded?.sid === "string" ? decoded.sid : null,
    userId: decoded?.sub ?? null,
  };
}

// The whole sign-in, as a browser does it: the form, the provider's login page, the callback.
async function ssoSignIn(
  email: string,
  opts: {
    login?: string;
    next?: string;
    authorizationUrl?: (url: URL) => URL;
    answer?: (url: URL) => URL;
    beforeCallback?: () => void;
  } = {},
) {
  const started = await start(email, opts.next);
  expect(started.status, started.error).toBe(200);
  const url = opts.authorizationUrl ? opts.authorizationUrl(new URL(started.url!)) : new URL(started.url!);
  const answer = await signInAtProvider(url.href, opts.login ?? email, redirectUri);
  opts.beforeCallback?.();
  return outcomeOf(await callback(opts.answer ? opts.answer(answer) : answer, started.flow));
}

async function expectRefused(outcome: Outcome, code: SsoRefusalCode) {
  expect(outcome).toMatchObject({ status: 303, location: `/signin/sso?error=${code}`, sessionId: null });
}

// A loopback port nobody listens on.
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const lastAudit = (where: Record<string, unknown>) => db().auditEvent.findFirst({ where, orderBy: { createdAt: "desc" } });
// An account's event: in the global account audit table, in no workspace.
const lastAccountAudit = (where: Record<string, unknown>) => db().accountAuditEvent.findFirst({ where, orderBy: { createdAt: "desc" } });

describe("setting up single sign-on", () => {
  it("stores the client secret sealed, never in plain text, and never sends it back", async () => {
    const c = await company();
    const row = await db().ssoConnection.findUniqueOrThrow({ where: { workspaceId: c.workspace.id } });
    expect(row.clientSecretEnc).not.toContain(idp.clientSecret);
    expect(row.clientSecretEnc).toMatch(/^v1\./);
    expect(Buffer.from(row.clientSecretEnc.slice(3), "base64url").toString("latin1")).not.toContain(idp.clientSecret);
    expect(openClientSecret(c.workspace.id, row.clientSecretEnc)).toBe(idp.clientSecret);
    // Sealed for its workspace: the same ciphertext in another workspace's row opens nothing.
    expect(() => openClientSecret("another-workspace", row.clientSecretEnc)).toThrow();
    // No copy anywhere else: not in the audit log either.
    const logged = await db().auditEvent.findMany({ where: { workspaceId: c.workspace.id } });
    expect(JSON.stringify(logged)).not.toContain(idp.clientSecret);
    expect(logged.find((e) => e.action === "sso.updated")?.detail).toMatchObject({
      created: true,
      secret: "replaced",
      domains: [c.domain],
    });

    const read = await c.admin.sso.get({ workspaceSlug: c.slug });
    expect(JSON.stringify(read)).not.toContain(idp.clientSecret);
    expect(JSON.stringify(read)).not.toContain(row.clientSecretEnc);
    expect(read).toMatchObject({
      redirectUri,
      connection: { issuer: idp.issuer, clientId: idp.clientId, secretStored: true, domains: [c.domain] },
    });
  });

  it("keeps the stored secret when none is typed, but not for another issuer or client", async () => {
    const c = await company();
    const before = await db().ssoConnection.findUniqueOrThrow({ where: { workspaceId: c.workspace.id } });
    await c.admin.sso.save({ workspaceSlug: c.slug, ...c.settings, clientSecret: "", joinByDomain: true });
    const after = await db().ssoConnection.findUniqueOrThrow({ where: { workspaceId: c.workspace.id } });
    expect(after.clientSecretEnc).toBe(before.clientSecretEnc);
    expect(after.joinByDomain).toBe(true);
    await expectTrpcError(
      c.admin.sso.save({ workspaceSlug: c.slug, ...c.settings, issuer: otherIdp.issuer, clientSecret: null }),
      "BAD_REQUEST",
      /Enter the client secret again: a stored secret is sent only to the issuer and client ID it was entered for/,
    );
    await expectTrpcError(
      c.admin.sso.save({ workspaceSlug: c.slug, ...c.settings, clientId: "another-app", clientSecret: "" }),
      "BAD_REQUEST",
      /Enter the client secret again/,
    );
    expect((await db().ssoConnection.findUniqueOrThrow({ where: { workspaceId: c.workspace.id } })).issuer).toBe(idp.issuer);
  });

  it("checks the issuer's discovery document when saving, and says what is wrong", async () => {
    const c = await company();
    const save = (issuer: string) => c.admin.sso.save({ workspaceSlug: c.slug, ...c.settings, issuer });
    const closed = await closedPort();
    await expectTrpcError(
      save(`http://127.0.0.1:${closed}/`),
      "BAD_REQUEST",
      new RegExp(
        `^Could not reach the identity provider at http://127\\.0\\.0\\.1:${closed}/\\.well-known/openid-configuration: the connection was refused\\.$`,
      ),
    );
    await expectTrpcError(save(`${idp.address}/not-an-issuer`), "BAD_REQUEST", /did not answer with a discovery document \(HTTP 404\)/);
    await expectTrpcError(save("http://sso.example.test/"), "BAD_REQUEST", /^The issuer must be an https address/);
    await expectTrpcError(save("not a url"), "BAD_REQUEST", /^Enter the identity provider's issuer address/);
    // Nothing of the refused saves was kept.
    expect((await db().ssoConnection.findUniqueOrThrow({ where: { workspaceId: c.workspace.id } })).issuer).toBe(idp.issuer);
    expect(await db().auditEvent.count({ where: { workspaceId: c.workspace.id, action: "sso.updated" } })).toBe(1);
    // The discovery document's address is taken for the issuer it belongs to.
    await save(`${idp.address}/.well-known/openid-configuration`);
    expect((await db().ssoConnection.findUniqueOrThrow({ where: { workspaceId: c.workspace.id } })).issuer).toBe(idp.issuer);
  });

  it("refuses an issuer whose discovery document names another issuer", async () => {
    const liar = await startTestProvider({ redirectUris: [redirectUri], issuer: (address) => `${address}/elsewhere` });
    try {
      const c = await company();
      await expectTrpcError(
        c.admin.sso.save({ workspaceSlug: c.slug, ...c.settings, issuer: liar.address, clientSecret: liar.clientSecret }),
        "BAD_REQUEST",
        new RegExp(`names its issuer ${liar.address}/elsewhere, not ${liar.address}/\\. Enter exactly the issuer it names\\.`),
      );
    } finally {
      await liar.close();
    }
  });

  it("lets only one workspace claim a domain, and only a domain of its own owners or admins", async () => {
    const first = await company();
    const { workspace, user } = await createWorkspaceWithOwner(db(), { owner: { email: `rival@${first.domain}` } });
    const second = callerFor(user.id);
    await expectTrpcError(
      second.sso.save({ workspaceSlug: workspace.slug, ...first.settings }),
      "CONFLICT",
      new RegExp(`^${first.domain.replace(/\./g, "\\.")} is already covered by another workspace's single sign-on\\.`),
    );
    expect(await db().ssoConnection.count({ where: { workspaceId: workspace.id } })).toBe(0);
    await expectTrpcError(
      first.admin.sso.save({ workspaceSlug: first.slug, ...first.settings, domains: [first.domain, "someone-else.test"] }),
      "BAD_REQUEST",
      /^someone-else\.test: single sign-on can cover only the email domains of this workspace's owners and admins\./,
    );
    await expectTrpcError(
      first.admin.sso.save({ workspaceSlug: first.slug, ...first.settings, domains: ["gmail.com"] }),
      "BAD_REQUEST",
      /gmail\.com is a public email provider/,
    );
    await expectTrpcError(
      first.admin.sso.save({ workspaceSlug: first.slug, ...first.settings, domains: ["https://x.test/"] }),
      "BAD_REQUEST",
      /is not an email domain/,
    );
  });

  it("refuses a domain rule that would grant the owner or partner role", async () => {
    const c = await company();
    for (const joinRole of ["OWNER", "PARTNER"]) {
      await expectTrpcError(
        c.admin.sso.save({ workspaceSlug: c.slug, ...c.settings, joinByDomain: true, joinRole: joinRole as JoinRole }),
        "BAD_REQUEST",
      );
    }
  });

  it("removes the connection, and records who did", async () => {
    const c = await company();
    expect(await c.admin.sso.remove({ workspaceSlug: c.slug })).toEqual({ removed: true });
    expect(await c.admin.sso.remove({ workspaceSlug: c.slug })).toEqual({ removed: false });
    expect(await db().ssoConnection.count({ where: { workspaceId: c.workspace.id } })).toBe(0);
    expect(await lastAudit({ workspaceId: c.workspace.id, action: "sso.removed" })).toMatchObject({
      actorUserId: c.owner.id,
      target: idp.issuer,
    });
    expect((await start(`someone@${c.domain}`)).error).toBe(
      `Single sign-on is not set up for ${c.domain}. Sign in with your password or an emailed link instead.`,
    );
  });
});

describe("signing in with single sign-on", () => {
  it("signs a member in through the provider's login page, into a live SSO session", async () => {
    const c = await company();
    const outcome = await ssoSignIn(c.owner.email);
    expect(outcome).toMatchObject({ status: 303, location: `/w/${c.slug}`, userId: c.owner.id });
    const session = await db().userSession.findUniqueOrThrow({ where: { id: outcome.sessionId! } });
    expect(session).toMatchObject({ userId: c.owner.id, method: "SSO", endedAt: null });
    expect(await lastAudit({ workspaceId: c.workspace.id, action: "sso.signin" })).toMatchObject({
      userId: c.owner.id,
      email: c.owner.email,
    });
    expect(await lastAccountAudit({ action: "signin.succeeded", userId: c.owner.id })).toMatchObject({
      detail: { method: "SSO" },
    });
  });

  it("goes on to the page asked for, if it is a same-origin path", async () => {
    const c = await company();
    expect((await ssoSignIn(c.owner.email, { next: `/w/${c.slug}/portfolio?tier=1` })).location).toBe(`/w/${c.slug}/portfolio?tier=1`);
    for (const next of ["//evil.test", "/\\evil.test", "https://evil.test/", "/\t/evil.test"]) {
      expect((await ssoSignIn(c.owner.email, { next })).location).toBe(`/w/${c.slug}`);
    }
  });

  it("reads the email from the ID token when the provider puts it there", async () => {
    const generous = await startTestProvider({ redirectUris: [redirectUri], conformIdTokenClaims: false });
    try {
      const c = await company({ provider: generous });
      expect(await ssoSignIn(c.owner.email)).toMatchObject({ status: 303, userId: c.owner.id });
    } finally {
      await generous.close();
    }
  });

  it("joins a first-time person by the domain rule, with the rule's role and no password", async () => {
    const c = await company({ joinByDomain: true, joinRole: "EXECUTIVE" });
    const email = `new.person@${c.domain}`;
    idp.accounts.set(email, { name: "Nina Newcomer" });
    const outcome = await ssoSignIn(email);
    const user = await db().user.findUniqueOrThrow({ where: { email } });
    expect(user).toMatchObject({ name: "Nina Newcomer", passwordHash: null });
    expect(outcome).toMatchObject({ status: 303, location: `/w/${c.slug}`, userId: user.id });
    const member = await db().member.findUniqueOrThrow({ where: { workspaceId_userId: { workspaceId: c.workspace.id, userId: user.id } } });
    expect(member).toMatchObject({ role: "EXECUTIVE", removedAt: null, partnerOrgId: null });
    expect(await lastAudit({ workspaceId: c.workspace.id, action: "sso.joined" })).toMatchObject({
      userId: user.id,
      detail: { role: "EXECUTIVE" },
    });
    expect(await lastAccountAudit({ action: "account.created", userId: user.id })).toMatchObject({ detail: { via: "SSO" } });
    // The second time, the same account and membership.
    expect((await ssoSignIn(email)).userId).toBe(user.id);
    expect(await db().member.count({ where: { userId: user.id } })).toBe(1);
  });

  it("does not bring back, by domain rule, someone an admin removed", async () => {
    const c = await company({ joinByDomain: true });
    const email = `removed@${c.domain}`;
    await ssoSignIn(email);
    const user = await db().user.findUniqueOrThrow({ where: { email } });
    await db().member.update({
      where: { workspaceId_userId: { workspaceId: c.workspace.id, userId: user.id } },
      data: { removedAt: new Date() },
    });
    const outcome = await ssoSignIn(email);
    expect(outcome).toMatchObject({ status: 303, location: "/", userId: user.id });
    expect(
      (await db().member.findUniqueOrThrow({ where: { workspaceId_userId: { workspaceId: c.workspace.id, userId: user.id } } })).removedAt,
    ).not.toBeNull();
  });

  it("joins a first-time person by their pending invitation, with its role and partner organisation", async () => {
    const c = await company();
    const org = await createPartnerOrg(db(), c.workspace.id);
    await createCycle(db(), c.workspace.id, { status: "OPEN" });
    const email = `invited@${c.domain}`;
    await c.admin.invitation.create({ workspaceSlug: c.slug, email, role: "PARTNER", partnerOrgId: org.id });
    const outcome = await ssoSignIn(email);
    const user = await db().user.findUniqueOrThrow({ where: { email } });
    expect(outcome).toMatchObject({ status: 303, location: `/w/${c.slug}`, userId: user.id });
    expect(
      await db().member.findUniqueOrThrow({ where: { workspaceId_userId: { workspaceId: c.workspace.id, userId: user.id } } }),
    ).toMatchObject({
      role: "PARTNER",
      partnerOrgId: org.id,
    });
    expect((await db().invitation.findFirstOrThrow({ where: { workspaceId: c.workspace.id, email } })).acceptedAt).toBeInstanceOf(Date);
    expect(await lastAudit({ workspaceId: c.workspace.id, action: "invitation.accepted" })).toMatchObject({
      userId: user.id,
      detail: { via: "SSO" },
    });
  });

  it("refuses a first-time person with neither an invitation nor a domain rule, and creates nothing", async () => {
    const c = await company();
    const email = `stranger@${c.domain}`;
    await expectRefused(await ssoSignIn(email), "not_invited");
    expect(await db().user.count({ where: { email } })).toBe(0);
    expect(await lastAudit({ workspaceId: c.workspace.id, action: "signin.failed" })).toMatchObject({
      email,
      detail: { method: "SSO", reason: "not_invited" },
    });
  });

  it("refuses an address outside the connection's domains, whatever the provider says", async () => {
    const c = await company({ joinByDomain: true });
    const login = `alias@${c.domain}`;
    idp.accounts.set(login, { email: "someone@elsewhere.test" });
    await expectRefused(await ssoSignIn(login), "domain_not_covered");
    expect(await db().user.count({ where: { email: "someone@elsewhere.test" } })).toBe(0);
  });

  it("refuses an email the provider marks unverified, or does not give at all", async () => {
    const c = await company({ joinByDomain: true });
    const unverified = `unverified@${c.domain}`;
    idp.accounts.set(unverified, { emailVerified: false });
    await expectRefused(await ssoSignIn(unverified), "email_unverified");
    const silent = `silent@${c.domain}`;
    idp.accounts.set(silent, { email: null });
    await expectRefused(await ssoSignIn(silent), "no_email");
    // Saying nothing about verification is the company directory's own word: accepted.
    const unsaid = `unsaid@${c.domain}`;
    idp.accounts.set(unsaid, { emailVerified: null });
    expect((await ssoSignIn(unsaid)).status).toBe(303);
    expect(await db().user.count({ where: { email: { in: [unverified, silent] } } })).toBe(0);
  });
});

describe("refusals: wrong issuer, audience, nonce or state", () => {
  it("refuses an answer from another issuer (a mix-up): the other provider's code and iss", async () => {
    const c = await company();
    const outcome = await ssoSignIn(c.owner.email, {
      // The browser is taken to another provider with this sign-in's own parameters.
      authorizationUrl: (url) => new URL(`${url.pathname}${url.search}`, otherIdp.address),
    });
    await expectRefused(outcome, "wrong_issuer");
    expect(await lastAudit({ workspaceId: c.workspace.id, action: "signin.failed" })).toMatchObject({
      detail: { reason: "wrong_issuer", iss: otherIdp.issuer },
    });
  });

  it("refuses an ID token that names another issuer than the discovery document", async () => {
    const c = await company();
    const real = idp.issuer;
    try {
      const outcome = await ssoSignIn(c.owner.email, { beforeCallback: () => idp.setIssuer(`${real}/impostor`) });
      await expectRefused(outcome, "wrong_issuer");
    } finally {
      idp.setIssuer(real);
    }
    expect(await db().userSession.count({ where: { userId: c.owner.id } })).toBe(0);
  });

  it("refuses at sign-in an issuer whose discovery document changed to name another", async () => {
    const drifting = await startTestProvider({ redirectUris: [redirectUri] });
    const c = await company({ provider: drifting });
    const { port } = new URL(drifting.address);
    const started = await start(c.owner.email);
    const answer = await signInAtProvider(started.url!, c.owner.email, redirectUri);
    // The provider is replaced, on the same address, by one naming another issuer; the app's
    // cached discovery is dropped by saving again (a fresh fetch), which now fails.
    await drifting.close();
    const replaced = await startTestProvider({ redirectUris: [redirectUri], port: Number(port), issuer: (a) => `${a}/moved` });
    try {
      await expectTrpcError(
        c.admin.sso.save({ workspaceSlug: c.slug, ...c.settings, clientSecret: null }),
        "BAD_REQUEST",
        /names its issuer .*\/moved/,
      );
      await expectRefused(await outcomeOf(await callback(answer, started.flow)), "wrong_issuer");
    } finally {
      await replaced.close();
    }
  });

  it("refuses an ID token issued for another client (wrong audience)", async () => {
    const c = await company();
    idp.setIdTokenAudience("another-app");
    try {
      await expectRefused(await ssoSignIn(c.owner.email), "wrong_audience");
    } finally {
      idp.setIdTokenAudience(null);
    }
    expect(await lastAudit({ workspaceId: c.workspace.id, action: "signin.failed" })).toMatchObject({
      detail: { method: "SSO", reason: "wrong_audience" },
    });
  });

  it("refuses an ID token carrying another sign-in's nonce", async () => {
    const c = await company();
    const outcome = await ssoSignIn(c.owner.email, {
      authorizationUrl: (url) => {
        url.searchParams.set("nonce", "a-nonce-of-another-sign-in");
        return url;
      },
    });
    await expectRefused(outcome, "wrong_nonce");
  });

  it("refuses a wrong state, a missing state, and an answer without this browser's flow", async () => {
    const c = await company();
    const wrong = await ssoSignIn(c.owner.email, {
      answer: (url) => {
        url.searchParams.set("state", "forged-state");
        return url;
      },
    });
    await expectRefused(wrong, "wrong_state");
    const missing = await ssoSignIn(c.owner.email, {
      answer: (url) => {
        url.searchParams.delete("state");
        return url;
      },
    });
    await expectRefused(missing, "state_missing");

    // Another browser's answer (login CSRF): the code and state are real, the flow cookie is not here.
    const started = await start(c.owner.email);
    const answer = await signInAtProvider(started.url!, c.owner.email, redirectUri);
    await expectRefused(await outcomeOf(await callback(answer, null)), "flow_missing");
    // Nor does another sign-in's flow cookie fit it.
    const other = await start(c.owner.email);
    await expectRefused(await outcomeOf(await callback(answer, other.flow)), "wrong_state");
    // A flow cookie altered by the browser opens nothing.
    const tampered = `${started.flow!.slice(0, -4)}AAAA`;
    await expectRefused(await outcomeOf(await callback(answer, tampered)), "flow_missing");
    expect(await db().userSession.count({ where: { userId: c.owner.id } })).toBe(0);
    expect(
      await db().accountAuditEvent.count({
        where: { action: "signin.failed", email: null, detail: { path: ["reason"], equals: "flow_missing" } },
      }),
    ).toBeGreaterThan(0);
  });

  it("refuses a code used twice", async () => {
    const c = await company();
    const started = await start(c.owner.email);
    const answer = await signInAtProvider(started.url!, c.owner.email, redirectUri);
    expect((await outcomeOf(await callback(answer, started.flow))).sessionId).not.toBeNull();
    await expectRefused(await outcomeOf(await callback(answer, started.flow)), "code_refused");
  });

  it("refuses an expired ID token", async () => {
    const shortLived = await startTestProvider({ redirectUris: [redirectUri], idTokenTtlS: 60 });
    try {
      const c = await company({ provider: shortLived });
      const started = await startSsoSignIn(appDb(), { email: c.owner.email });
      const answer = await signInAtProvider(started.authorizationUrl, c.owner.email, redirectUri);
      // Five minutes later by the app's clock: the flow is still fresh, the ID token (60 s, with
      // 30 s of tolerance) is not.
      const later = new Date(Date.now() + 5 * 60_000);
      const error = await completeSsoSignIn(appDb(), { callbackUrl: answer, flow: started.flow }, later).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SsoRefusal);
      expect((error as SsoRefusal).code).toBe("expired");
    } finally {
      await shortLived.close();
    }
  });

  it("refuses an ID token whose signature does not match the issuer's published key", async () => {
    const first = await startTestProvider({ redirectUris: [redirectUri] });
    const { port } = new URL(first.address);
    const c = await company({ provider: first });
    // A first sign-in: the issuer's keys (JWKS) are fetched and kept.
    expect((await ssoSignIn(c.owner.email)).sessionId).not.toBeNull();
    const { keys } = (await (await fetch(`${first.address}/jwks`)).json()) as { keys: { kid: string; alg?: string }[] };
    await first.close();
    // The same issuer now signs with another key under the same key id.
    const forged = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" });
    const impostor = await startTestProvider({
      redirectUris: [redirectUri],
      port: Number(port),
      jwks: { keys: [{ ...forged, kid: keys[0]!.kid, alg: "RS256", use: "sig" }] },
    });
    try {
      await expectRefused(await ssoSignIn(c.owner.email), "bad_signature");
    } finally {
      await impostor.close();
    }
    expect(await lastAudit({ workspaceId: c.workspace.id, action: "signin.failed" })).toMatchObject({
      detail: { reason: "bad_signature" },
    });
  });

  it("explains every refusal in words, for the page the browser lands on", () => {
    for (const message of Object.values(SSO_REFUSALS)) expect(message).toMatch(/^[A-Z].{30,}\.$/);
  });
});

describe("required single sign-on", () => {
  async function requireSso(c: Awaited<ReturnType<typeof company>>) {
    // The admin is one of the people it covers: they sign in through SSO first.
    const signedIn = await ssoSignIn(c.owner.email);
    const api = createCaller(createContextFor(c.owner.id, appDb(), { sessionId: signedIn.sessionId }));
    await api.sso.save({ workspaceSlug: c.slug, ...c.settings, clientSecret: null, required: true });
    return signedIn;
  }

  it("refuses password sign-in and emailed links for the domain, pointing at SSO, before any password check", async () => {
    const c = await company({ joinByDomain: true });
    await requireSso(c);
    const message = `People at ${c.domain} sign in with single sign-on. Choose "Sign in with single sign-on" and enter your work email.`;
    await expect(authenticate(appDb(), { email: c.owner.email, password: TEST_PASSWORD }, "203.0.113.7")).rejects.toThrow(message);
    // The same words for a wrong password and for no account at all: nothing about the account.
    await expect(authenticate(appDb(), { email: c.owner.email, password: "wrong" }, "203.0.113.7")).rejects.toThrow(message);
    await expect(authenticate(appDb(), { email: `nobody@${c.domain}`, password: "x" }, "203.0.113.7")).rejects.toThrow(message);
    await expect(requestSignInLink(appDb(), c.owner.email)).rejects.toThrow(message);
    expect(await db().authToken.count({ where: { email: c.owner.email } })).toBe(0);
    expect(await lastAccountAudit({ action: "signin.failed", email: c.owner.email })).toMatchObject({
      detail: { reason: "sso required" },
    });
    // SSO itself still works.
    expect((await ssoSignIn(c.owner.email)).sessionId).not.toBeNull();
  });

  it("ends the password sessions of the people it covers when turned on, keeping their SSO ones", async () => {
    const c = await company();
    const colleague = await createWorkspaceWithOwner(db(), { owner: { email: `colleague@${c.domain}` } });
    const outsider = await createWorkspaceWithOwner(db(), { owner: { email: `${unique("x")}@outside.test` } });
    const passwordSession = await startSession(appDb(), { userId: colleague.user.id, method: "PASSWORD" });
    const linkSession = await startSession(appDb(), { userId: c.owner.id, method: "EMAIL_LINK" });
    const outsiderSession = await startSession(appDb(), { userId: outsider.user.id, method: "PASSWORD" });
    const { sessionId: ssoSession } = await requireSso(c);
    const session = (id: string) => db().userSession.findUniqueOrThrow({ where: { id } });
    expect(await session(passwordSession)).toMatchObject({ endReason: "SSO_REQUIRED" });
    expect((await session(passwordSession)).endedAt).toBeInstanceOf(Date);
    expect(await session(linkSession)).toMatchObject({ endReason: "SSO_REQUIRED" });
    expect(await session(ssoSession!)).toMatchObject({ endedAt: null });
    expect(await session(outsiderSession)).toMatchObject({ endedAt: null });
    expect(await lastAudit({ workspaceId: c.workspace.id, action: "sessions.ended", userId: colleague.user.id })).toMatchObject({
      actorUserId: c.owner.id,
      detail: { reason: "SSO_REQUIRED", count: 1 },
    });
  });

  it("is refused to an admin of the domain who has not signed in through SSO", async () => {
    const c = await company();
    await expectTrpcError(
      c.admin.sso.save({ workspaceSlug: c.slug, ...c.settings, clientSecret: null, required: true }),
      "BAD_REQUEST",
      new RegExp(`^Your own address is at ${c.domain.replace(/\./g, "\\.")}: sign in with single sign-on yourself before requiring it`),
    );
    expect((await db().ssoConnection.findUniqueOrThrow({ where: { workspaceId: c.workspace.id } })).required).toBe(false);
  });
});

describe("the start of a sign-in", () => {
  it("answers in words for an address without SSO or not an address at all", async () => {
    expect(await start("someone@no-sso-here.test")).toMatchObject({
      status: 400,
      error: "Single sign-on is not set up for no-sso-here.test. Sign in with your password or an emailed link instead.",
      flow: null,
    });
    expect(await start("not an email")).toMatchObject({ status: 400, error: "Enter your work email address." });
  });

  it("sends the browser to the provider with PKCE (S256), state, nonce and the registered redirect URI", async () => {
    const c = await company();
    const started = await start(c.owner.email);
    const url = new URL(started.url!);
    expect(url.origin).toBe(idp.address);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: idp.clientId,
      redirect_uri: redirectUri,
      response_type: "code",
      code_challenge_method: "S256",
      login_hint: c.owner.email,
    });
    for (const param of ["state", "nonce", "code_challenge"]) expect(url.searchParams.get(param)!.length).toBeGreaterThanOrEqual(43);
    // The flow cookie keeps them from the browser: none of them is readable in it.
    expect(started.flow).not.toContain(url.searchParams.get("state"));
    const cookie = (
      await ssoStart(new Request(`${APP}/api/sso/start`, { method: "POST", body: JSON.stringify({ email: c.owner.email }) }))
    ).headers.getSetCookie()[0]!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\/api\/sso\/callback/);
    expect(cookie).toMatch(/Max-Age=600/);
    expect(readCookie(new Request(APP, { headers: { cookie: "a=1; ph-sso-flow=xyz" } }), "ph-sso-flow")).toBe("xyz");
  });

  it("keeps a workspace's connection to itself: other scoped clients do not see it", async () => {
    const c = await company();
    const { workspace } = await createWorkspaceWithOwner(db());
    expect(await forWorkspace(appDb(), workspace.id).ssoConnection.findMany()).toEqual([]);
    expect(await forWorkspace(appDb(), c.workspace.id).ssoConnection.count()).toBe(1);
  });
});
