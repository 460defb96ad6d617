// Signing in through a workspace's identity provider: OpenID Connect's authorization code flow
// with PKCE (S256), state and nonce.
//
// start: the email's domain picks the connection; the browser is sent to the provider with a
//   fresh state, nonce and PKCE challenge, which are kept in the sealed flow cookie (flow-state.ts).
// complete: the provider sends the browser back with a code. The answer must carry this browser's
//   state and come from the connection's issuer; the code is exchanged (with the PKCE verifier and
//   the client secret) at the token endpoint; the ID token must be signed by one of the issuer's
//   published keys (JWKS) and name the issuer, this client as audience, the flow's nonce, and be
//   within its validity. Its email (from the ID token, or the userinfo endpoint when the provider
//   keeps it there) must be in one of the connection's domains, and must not be marked unverified.
//   Then the person is found or created and admitted (join.ts). Any failure is an SsoRefusal, and
//   is recorded in the audit log; nothing else changes.
import * as oidc from "openid-client";
import type { PrismaClient, SsoConnection } from "../../db/generated/client";
import { ssoConnectionForDomain } from "../../db/cross-workspace";
import { forWorkspace } from "../../db/tenant";
import { badRequest } from "../../access/errors";
import { audit, auditAccount } from "../accounts/audit";
import { emailDomain, normaliseEmail } from "../accounts/email-address";
import { appUrl } from "../email/app-url";
import { openClientSecret } from "./connection";
import { openFlow, sealFlow, FLOW_LIFETIME_MS, type FlowState } from "./flow-state";
import { clientFor, DiscoveryError, issuerMetadata, keepJwks } from "./issuer";
import { admitSsoUser, type Joined } from "./join";
import { refusalOf } from "./oidc-errors";
import { SsoRefusal } from "./refusals";

export const SSO_CALLBACK_PATH = "/api/sso/callback";
// The address to register with the identity provider as this application's redirect URI.
export const ssoRedirectUri = () => appUrl(SSO_CALLBACK_PATH);

const SCOPE = "openid email profile";
const EMAIL = /^[^\s@]+@[^\s@]+$/;

// A same-origin path to go to after signing in, or null. (server/http/safe-redirect.ts, being
// written beside this, is the one rule for the whole app; this is the same rule, kept local.)
export function localPath(next: unknown): string | null {
  if (typeof next !== "string" || next.length === 0 || next.length > 2000) return null;
  if (!next.startsWith("/") || next.startsWith("//") || next.includes("\\") || /[\u0000-\u001f\u007f]/.test(next)) return null;
  const base = "http://app.invalid";
  let url: URL;
  try {
    url = new URL(next, base);
  } catch {
    return null;
  }
  return url.origin === base ? `${url.pathname}${url.search}${url.hash}` : null;
}

export interface StartedSignIn {
  authorizationUrl: string;
  flow: string;
}

export async function startSsoSignIn(
  db: PrismaClient,
  input: { email: string; next?: string | null },
  now = new Date(),
): Promise<StartedSignIn> {
  const email = normaliseEmail(String(input.email ?? "").slice(0, 320));
  if (!EMAIL.test(email)) throw badRequest("Enter your work email address.");
  const domain = emailDomain(email);
  const connection = await ssoConnectionForDomain(db, domain);
  if (!connection) throw badRequest(`Single sign-on is not set up for ${domain}. Sign in with your password or an emailed link instead.`);
  const issuer = new URL(connection.issuer);
  const metadata = await issuerMetadata(issuer).catch((error: unknown) => {
    if (!(error instanceof DiscoveryError)) throw error;
    throw badRequest(
      `The identity provider for ${domain} cannot be reached or is not set up correctly. Try again in a moment, or tell your workspace admin.`,
    );
  });
  const flow: FlowState = {
    workspaceId: connection.workspaceId,
    issuer: connection.issuer,
    clientId: connection.clientId,
    state: oidc.randomState(),
    nonce: oidc.randomNonce(),
    verifier: oidc.randomPKCECodeVerifier(),
    next: localPath(input.next),
    expiresAt: now.getTime() + FLOW_LIFETIME_MS,
  };
  // Building the URL needs no secret: the client secret is opened only to exchange the code.
  const config = clientFor(issuer, metadata, { clientId: connection.clientId, clientSecret: null });
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: ssoRedirectUri(),
    scope: SCOPE,
    response_type: "code",
    state: flow.state,
    nonce: flow.nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(flow.verifier),
    code_challenge_method: "S256",
    login_hint: email,
  });
  return { authorizationUrl: url.href, flow: sealFlow(flow) };
}

export interface CompletedSignIn {
  user: { id: string; email: string; name: string };
  workspaceId: string;
  created: boolean;
  joined: Joined;
  redirectTo: string;
}

const sameText = (a: string, b: string) => a.length === b.length && Buffer.from(a).equals(Buffer.from(b));

function verifiedFlag(value: unknown): boolean | undefined {
  if (value === true || value === "true") return true;
  if (value === false || value === "false") return false;
  return undefined;
}

// The email and name the provider vouches for: from the ID token, or (providers that follow the
// standard strictly keep them there) from the userinfo endpoint, for the same subject.
async function personFrom(config: oidc.Configuration, tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>) {
  const claims = tokens.claims()!;
  let source: Record<string, unknown> = claims;
  if (typeof claims.email !== "string" && tokens.access_token && config.serverMetadata().userinfo_endpoint) {
    source = { ...(await oidc.fetchUserInfo(config, tokens.access_token, claims.sub)), ...claims };
  }
  const name =
    typeof source.name === "string"
      ? source.name
      : [source.given_name, source.family_name].filter((p): p is string => typeof p === "string").join(" ");
  return { email: typeof source.email === "string" ? source.email : null, verified: verifiedFlag(source.email_verified), name };
}

export async function completeSsoSignIn(
  db: PrismaClient,
  input: { callbackUrl: URL; flow: string | null | undefined; address?: string | null },
  now = new Date(),
): Promise<CompletedSignIn> {
  const flow = openFlow(input.flow, now);
  let connection: SsoConnection | null = null;
  let email: string | null = null;
  try {
    if (!flow) throw new SsoRefusal("flow_missing");
    const params = input.callbackUrl.searchParams;
    const state = params.get("state");
    if (!state) throw new SsoRefusal("state_missing");
    if (!sameText(state, flow.state)) throw new SsoRefusal("wrong_state");

    connection = await forWorkspace(db, flow.workspaceId).ssoConnection.findUnique({ where: { workspaceId: flow.workspaceId } });
    if (!connection || connection.issuer !== flow.issuer || connection.clientId !== flow.clientId)
      throw new SsoRefusal("connection_changed");
    if (params.get("error")) throw new SsoRefusal("provider_denied", { error: params.get("error")!.slice(0, 100) });

    let clientSecret: string;
    try {
      clientSecret = openClientSecret(connection.workspaceId, connection.clientSecretEnc);
    } catch {
      throw new SsoRefusal("misconfigured");
    }
    const issuer = new URL(connection.issuer);
    const metadata = await issuerMetadata(issuer).catch((error: unknown) => {
      if (error instanceof DiscoveryError) throw new SsoRefusal(error.kind === "mismatch" ? "wrong_issuer" : "provider_unreachable");
      throw error;
    });
    const iss = params.get("iss");
    if (iss !== null && iss !== metadata.issuer) throw new SsoRefusal("wrong_issuer", { iss: iss.slice(0, 200) });

    const clockSkewS = Math.round((now.getTime() - Date.now()) / 1000);
    const config = clientFor(issuer, metadata, { clientId: connection.clientId, clientSecret, clockSkewS });
    // The registered redirect URI with the provider's answer: the request's own address may be an
    // internal one behind a proxy.
    const answer = new URL(ssoRedirectUri());
    answer.search = input.callbackUrl.search;
    let person: Awaited<ReturnType<typeof personFrom>>;
    try {
      const tokens = await oidc.authorizationCodeGrant(config, answer, {
        pkceCodeVerifier: flow.verifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
      keepJwks(issuer, config);
      person = await personFrom(config, tokens);
    } catch (error) {
      if (error instanceof SsoRefusal) throw error;
      throw new SsoRefusal(refusalOf(error));
    }

    if (!person.email) throw new SsoRefusal("no_email");
    email = normaliseEmail(person.email);
    // A provider that says nothing about verification is the company's own directory, vouched for
    // by the admin who gave it these domains; one that says "not verified" is believed.
    if (person.verified === false) throw new SsoRefusal("email_unverified");
    if (!EMAIL.test(email) || !connection.domains.includes(emailDomain(email))) {
      throw new SsoRefusal("domain_not_covered", { domain: emailDomain(email).slice(0, 200) });
    }

    const admitted = await admitSsoUser(db, connection, { email, name: person.name }, { now, address: input.address });
    const scoped = forWorkspace(db, connection.workspaceId);
    if (admitted.created) {
      await auditAccount(db, {
        action: "account.created",
        userId: admitted.user.id,
        actorUserId: admitted.user.id,
        email,
        address: input.address,
        detail: { via: "SSO" },
      });
    }
    await audit(scoped, {
      action: "sso.signin",
      userId: admitted.user.id,
      actorUserId: admitted.user.id,
      email,
      address: input.address,
      detail: { issuer: connection.issuer, ...(admitted.joined ? { joined: admitted.joined } : {}) },
    });
    const workspace = await db.workspace.findUniqueOrThrow({ where: { id: connection.workspaceId }, select: { slug: true } });
    const home = admitted.member ? `/w/${workspace.slug}` : "/";
    return {
      user: admitted.user,
      workspaceId: connection.workspaceId,
      created: admitted.created,
      joined: admitted.joined,
      redirectTo: flow.next && flow.next !== "/" ? flow.next : home,
    };
  } catch (error) {
    if (!(error instanceof SsoRefusal)) throw error;
    const entry = {
      action: "signin.failed" as const,
      email,
      address: input.address,
      detail: { method: "SSO", reason: error.code, ...error.detail },
    };
    // The workspace's admins see failures of their own connection; one that cannot be tied to a
    // connection (no flow, a forged state) is an account-level event.
    if (connection) await audit(forWorkspace(db, connection.workspaceId), entry);
    else await auditAccount(db, entry);
    throw error;
  }
}
