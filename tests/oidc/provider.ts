// A real OpenID Connect provider (the npm package oidc-provider) on a loopback port, for the SSO
// tests: discovery, authorization with its own login page (the package's development
// interactions: any login name, any password), token and userinfo endpoints, JWKS, all real.
// A test names the accounts it signs in with; the login name is the account's email.
//
// Two deliberate misbehaviours, for the refusal tests, each of a kind a broken or hostile
// provider could show: ID tokens issued for another audience (setIdTokenAudience), and ID tokens
// naming another issuer than its discovery document (setIssuer, once the code is issued).
import http from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

export interface TestAccount {
  // Absent: the login name. null: the provider says nothing about an email.
  email?: string | null;
  // Absent: true. null: the provider leaves the claim out.
  emailVerified?: boolean | null;
  name?: string;
}

export interface TestProviderOptions {
  redirectUris: string[];
  clientId?: string;
  clientSecret?: string;
  // More clients registered at the same provider.
  otherClients?: { clientId: string; clientSecret: string }[];
  port?: number;
  // The issuer the provider names itself, from the address it is served at (default: that address).
  issuer?: (address: string) => string;
  // oidc-provider's default, as the standard has it: with an access token issued, email and name
  // are given only by the userinfo endpoint. False puts them in the ID token too.
  conformIdTokenClaims?: boolean;
  idTokenTtlS?: number;
  // Its signing keys (private JWKs); default: oidc-provider's development keys.
  jwks?: { keys: Record<string, unknown>[] };
}

export interface TestProvider {
  address: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  accounts: Map<string, TestAccount>;
  setIdTokenAudience(audience: string | null): void;
  setIssuer(issuer: string): void;
  close(): Promise<void>;
}

const DEFAULT_SECRET = "test-client-secret-that-is-long-enough-0123456789";

export async function startTestProvider(opts: TestProviderOptions): Promise<TestProvider> {
  const server = http.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, "127.0.0.1", () => resolve());
  });
  const address = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = opts.clientId ?? "partnership-health";
  const clientSecret = opts.clientSecret ?? DEFAULT_SECRET;
  const accounts = new Map<string, TestAccount>();
  const client = (id: string, secret: string) => ({
    client_id: id,
    client_secret: secret,
    redirect_uris: opts.redirectUris,
    grant_types: ["authorization_code"],
    response_types: ["code"],
  });

  // Its warnings about development keys and interactions are expected here.
  const warn = console.warn;
  console.warn = () => undefined;
  const provider = new Provider(opts.issuer?.(address) ?? address, {
    clients: [client(clientId, clientSecret), ...(opts.otherClients ?? []).map((c) => client(c.clientId, c.clientSecret))],
    async findAccount(_ctx, id) {
      const account = accounts.get(id) ?? {};
      return {
        accountId: id,
        async claims() {
          const email = account.email === undefined ? id : account.email;
          const verified = account.emailVerified === undefined ? true : account.emailVerified;
          return {
            sub: id,
            ...(email === null ? {} : { email }),
            ...(verified === null || email === null ? {} : { email_verified: verified }),
            name: account.name ?? `Person ${id.split("@")[0]}`,
          };
        },
      };
    },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    conformIdTokenClaims: opts.conformIdTokenClaims ?? true,
    ttl: { IdToken: opts.idTokenTtlS ?? 3600, AccessToken: 3600, AuthorizationCode: 60, Interaction: 600, Session: 3600, Grant: 3600 },
    cookies: { keys: ["test-cookie-key-test-cookie-key"] },
    ...(opts.jwks ? { jwks: opts.jwks } : {}),
    // The application is the company's own: no consent screen after the login page.
    async loadExistingGrant(ctx) {
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
  });
  console.warn = warn;

  let audience: string | null = null;
  const issue = provider.IdToken.prototype.issue;
  provider.IdToken.prototype.issue = async function (this: { client: { clientId: string } }, ...args: unknown[]) {
    if (!audience) return issue.apply(this, args);
    const real = this.client;
    const forged = audience;
    this.client = new Proxy(real, { get: (target, key) => (key === "clientId" ? forged : Reflect.get(target, key, target)) });
    try {
      return await issue.apply(this, args);
    } finally {
      this.client = real;
    }
  };

  // No kept-alive sockets: a test that replaces a provider on the same port would otherwise meet
  // the old one's closed socket on its next request.
  const handle = provider.callback();
  server.on("request", (req, res) => {
    res.setHeader("connection", "close");
    handle(req, res);
  });
  return {
    address,
    get issuer() {
      return provider.issuer;
    },
    clientId,
    clientSecret,
    accounts,
    setIdTokenAudience(value) {
      audience = value;
    },
    setIssuer(value) {
      provider.issuer = value;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// Signs in at the provider as a browser would, without one: follows its redirects with a cookie
// jar, posts its own login form with the login name, and returns the address it finally sends
// the browser back to (the application's redirect URI, with code, state and iss), unvisited.
export async function signInAtProvider(authorizationUrl: string, login: string, returnTo: string): Promise<URL> {
  const jar = new Map<string, string>();
  const send = async (url: URL, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (jar.size) headers.set("cookie", [...jar].map(([k, v]) => `${k}=${v}`).join("; "));
    const response = await fetch(url, { ...init, headers, redirect: "manual" });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const at = pair!.indexOf("=");
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    return response;
  };
  let url = new URL(authorizationUrl);
  for (let step = 0; step < 12; step++) {
    if (url.href.startsWith(returnTo)) return url;
    const response = await send(url);
    const location = response.headers.get("location");
    if (location) {
      url = new URL(location, url);
      continue;
    }
    const html = await response.text();
    const form = /<form[^>]*action="([^"]+)"[^>]*method="post"/i.exec(html);
    if (!form) throw new Error(`The provider answered ${response.status} without a form or redirect: ${html.slice(0, 300)}`);
    const body = new URLSearchParams();
    for (const input of html.matchAll(/<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"/gi)) body.set(input[1]!, input[2]!);
    body.set("login", login);
    body.set("password", "any password: development interactions accept every one");
    const posted = await send(new URL(form[1]!.replace(/&amp;/g, "&"), url), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body,
    });
    const next = posted.headers.get("location");
    if (!next) throw new Error(`The provider's login form answered ${posted.status}: ${(await posted.text()).slice(0, 300)}`);
    url = new URL(next, url);
  }
  throw new Error("The provider never sent the browser back.");
}
