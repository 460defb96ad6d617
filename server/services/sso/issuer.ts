// The identity provider behind a connection: which issuer addresses are accepted, and its
// discovery document (/.well-known/openid-configuration), checked and kept for a few minutes.
//
// Issuers must be https. Plain http is accepted only on this machine's loopback (localhost,
// 127.0.0.0/8, ::1), for development and the tests' provider; such an issuer's endpoints must be
// on loopback too, so a document served from elsewhere cannot point the server at local ports.
import * as oidc from "openid-client";
import { badRequest } from "../../access/errors";
import { causeChain } from "./oidc-errors";

const DISCOVERY_TIMEOUT_S = 10;
const CACHE_MS = 10 * 60_000;
const MAX_ISSUER_LENGTH = 500;

const LOOPBACK_HOSTS = new Set(["localhost", "[::1]"]);
export const isLoopbackHost = (hostname: string) => LOOPBACK_HOSTS.has(hostname) || /^127(?:\.\d{1,3}){3}$/.test(hostname);
const isLoopbackHttp = (url: URL) => url.protocol === "http:" && isLoopbackHost(url.hostname);

const ISSUER_HINT = "such as https://login.example.com (https; plain http only for localhost or 127.0.0.1)";

// The issuer as an admin typed it: the address of the identity provider, or its discovery
// document's address, from which the issuer is read off.
export function parseIssuer(raw: string): URL {
  const text = raw.trim().replace(/\/\.well-known\/openid-configuration\/?$/, "");
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw badRequest(`Enter the identity provider's issuer address, ${ISSUER_HINT}.`);
  }
  if (text.length > MAX_ISSUER_LENGTH) throw badRequest(`The issuer address is too long (at most ${MAX_ISSUER_LENGTH} characters).`);
  if (url.protocol !== "https:" && !isLoopbackHttp(url)) {
    throw badRequest(`The issuer must be an https address, ${ISSUER_HINT}.`);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw badRequest("The issuer address must not carry a user name, password, query or fragment.");
  }
  if (url.pathname.includes("/.well-known/")) throw badRequest(`Enter the issuer itself, ${ISSUER_HINT}, not one of its documents.`);
  return url;
}

export type ServerMetadata = oidc.ServerMetadata;

interface Cached {
  metadata: ServerMetadata;
  jwks?: oidc.ExportedJWKSCache;
  at: number;
}

const cache = new Map<string, Cached>();

const ENDPOINTS = ["authorization_endpoint", "token_endpoint", "jwks_uri", "userinfo_endpoint"] as const;

// Why a discovery document cannot be used, in words an admin can act on; null when it can.
function problemWith(issuer: URL, metadata: ServerMetadata): string | null {
  for (const field of ["authorization_endpoint", "token_endpoint", "jwks_uri"] as const) {
    if (typeof metadata[field] !== "string") return `The identity provider's discovery document has no ${field}.`;
  }
  for (const field of ENDPOINTS) {
    const value = metadata[field];
    if (value === undefined) continue;
    let url: URL;
    try {
      url = new URL(String(value));
    } catch {
      return `The discovery document's ${field} is not an address.`;
    }
    const allowed = isLoopbackHttp(issuer) ? isLoopbackHost(url.hostname) && /^https?:$/.test(url.protocol) : url.protocol === "https:";
    if (!allowed) {
      return isLoopbackHttp(issuer)
        ? `The discovery document's ${field} (${url.href}) leaves this machine, but its issuer is a local http address.`
        : `The discovery document's ${field} (${url.href}) is not an https address.`;
    }
  }
  const responseTypes = metadata.response_types_supported;
  if (Array.isArray(responseTypes) && !responseTypes.includes("code")) {
    return 'The identity provider does not offer the authorization code flow (response type "code").';
  }
  const pkce = metadata.code_challenge_methods_supported;
  if (Array.isArray(pkce) && !pkce.includes("S256")) return "The identity provider does not support PKCE with S256.";
  return null;
}

export class DiscoveryError extends Error {
  constructor(
    message: string,
    readonly kind: "unreachable" | "invalid" | "mismatch",
  ) {
    super(message);
    this.name = "DiscoveryError";
  }
}

function networkReason(error: unknown): string | null {
  for (const e of causeChain(error)) {
    const code = (e as { code?: unknown }).code;
    if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "no such host";
    if (code === "ECONNREFUSED") return "the connection was refused";
    if (code === "ECONNRESET") return "the connection was reset";
    if (code === "OAUTH_TIMEOUT" || (e as Error).name === "TimeoutError") return `no answer within ${DISCOVERY_TIMEOUT_S} seconds`;
    if (typeof code === "string" && /CERT|SSL|TLS/.test(code)) return "its TLS certificate was not accepted";
  }
  const failed = causeChain(error).findIndex((e) => e instanceof TypeError && e.message === "fetch failed");
  if (failed >= 0) {
    const cause = causeChain(error)[failed + 1];
    return `the request failed${cause instanceof Error && cause.message ? ` (${cause.message})` : ""}`;
  }
  return null;
}

async function discover(issuer: URL): Promise<ServerMetadata> {
  const where = new URL(".well-known/openid-configuration", issuer.href.endsWith("/") ? issuer.href : `${issuer.href}/`).href;
  let config: oidc.Configuration;
  try {
    config = await oidc.discovery(issuer, "discovery", undefined, undefined, {
      timeout: DISCOVERY_TIMEOUT_S,
      execute: isLoopbackHttp(issuer) ? [oidc.allowInsecureRequests] : [],
    });
  } catch (error) {
    const reason = networkReason(error);
    if (reason) throw new DiscoveryError(`Could not reach the identity provider at ${where}: ${reason}.`, "unreachable");
    const chain = causeChain(error);
    const codes = chain.map((e) => (e as { code?: unknown }).code);
    if (codes.includes("OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED")) {
      const body = chain.map((e) => (e as { cause?: { body?: { issuer?: unknown } } }).cause?.body).find(Boolean);
      const named = typeof body?.issuer === "string" ? body.issuer : "another issuer";
      throw new DiscoveryError(
        `The discovery document at ${where} names its issuer ${named}, not ${issuer.href}. Enter exactly the issuer it names.`,
        "mismatch",
      );
    }
    if (codes.includes("OAUTH_RESPONSE_IS_NOT_CONFORM")) {
      const status = chain.map((e) => (e instanceof Response ? e.status : undefined)).find((s) => s !== undefined);
      throw new DiscoveryError(
        `${where} did not answer with a discovery document${status ? ` (HTTP ${status})` : ""}. Check the issuer address.`,
        "invalid",
      );
    }
    throw new DiscoveryError(
      `${where} did not answer with a valid OpenID Connect discovery document. Check the issuer address.`,
      "invalid",
    );
  }
  const metadata = config.serverMetadata();
  // openid-client accepts some multi-tenant issuers ("{tenantid}") as matching; one connection
  // trusts exactly one issuer.
  if (new URL(metadata.issuer).href !== issuer.href) {
    throw new DiscoveryError(
      `The discovery document names its issuer ${metadata.issuer}, not ${issuer.href}. Enter exactly the issuer it names.`,
      "mismatch",
    );
  }
  const problem = problemWith(issuer, metadata);
  if (problem) throw new DiscoveryError(problem, "invalid");
  return metadata;
}

// The issuer's metadata: from the last few minutes' fetch, or fetched now (`fresh` always fetches,
// as saving a connection does).
export async function issuerMetadata(issuer: URL, opts: { fresh?: boolean } = {}): Promise<ServerMetadata> {
  const hit = cache.get(issuer.href);
  if (hit && !opts.fresh && Date.now() - hit.at < CACHE_MS) return hit.metadata;
  // A failed fetch drops what was kept: once the issuer answers differently, the old answer is
  // not trusted either.
  const metadata = await discover(issuer).catch((error: unknown) => {
    cache.delete(issuer.href);
    throw error;
  });
  cache.set(issuer.href, { metadata, at: Date.now() });
  return metadata;
}

// A client for one sign-in, from the issuer's metadata. Every request it makes keeps to the rules
// above; the ID token's signature is checked against the issuer's published keys (JWKS), kept
// with the metadata so each sign-in need not fetch them again.
export function clientFor(
  issuer: URL,
  metadata: ServerMetadata,
  // No secret: a client that only builds the authorization URL, which needs none.
  client: { clientId: string; clientSecret: string | null; clockSkewS?: number },
): oidc.Configuration {
  const methods = metadata.token_endpoint_auth_methods_supported;
  // client_secret_basic is the default of the standard; use post only where basic is not offered.
  const auth = !client.clientSecret
    ? oidc.None()
    : Array.isArray(methods) && !methods.includes("client_secret_basic") && methods.includes("client_secret_post")
      ? oidc.ClientSecretPost(client.clientSecret)
      : oidc.ClientSecretBasic(client.clientSecret);
  const config = new oidc.Configuration(metadata, client.clientId, { [oidc.clockSkew]: client.clockSkewS ?? 0 }, auth);
  config.timeout = DISCOVERY_TIMEOUT_S;
  if (isLoopbackHttp(issuer)) oidc.allowInsecureRequests(config);
  oidc.enableNonRepudiationChecks(config);
  const jwks = cache.get(issuer.href)?.jwks;
  if (jwks) oidc.setJwksCache(config, jwks);
  return config;
}

export function keepJwks(issuer: URL, config: oidc.Configuration): void {
  const hit = cache.get(issuer.href);
  const jwks = oidc.getJwksCache(config);
  if (hit && jwks) hit.jwks = jwks;
}
