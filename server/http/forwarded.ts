// The X-Forwarded-* headers, believed only as far as the network vouches for them.
//
// The app server (server/cli/serve.ts) appends the socket's peer address to X-Forwarded-For, so
// its right-most entry is the peer, which no client can choose. X-Forwarded-Host and
// X-Forwarded-Proto say which address and scheme the person typed; they are believed only when that
// peer is one of TRUSTED_PROXIES (the proxy that wrote them), and otherwise removed before the app
// sees the request, so nothing downstream (Next.js included) reads a forged one.
import type { IncomingHttpHeaders } from "node:http";
import { isIP } from "node:net";
import { env } from "../env";
import { header, matches, normalise, parseTrustedProxies, type HeaderBag } from "./client-address";

// Headers that only a trusted proxy may set.
const PROXY_HEADERS = ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-forwarded-ssl", "forwarded", "x-real-ip"];

const trustedProxies = () => parseTrustedProxies(env.TRUSTED_PROXIES);

export const isTrusted = (address: string | null | undefined, trusted: readonly string[] = trustedProxies()) =>
  !!address && trusted.some((range) => matches(range, address));

// The right-most X-Forwarded-For entry: the socket peer, as the app server wrote it.
export function forwardedPeer(headers: HeaderBag): string | null {
  const last = header(headers, "x-forwarded-for")?.split(",").at(-1);
  const peer = last ? normalise(last) : "";
  return isIP(peer) ? peer : null;
}

// X-Forwarded-Host or -Proto as the trusted proxy in front of us wrote it (its first entry, the one
// facing the person), or null when the request did not come through one.
export function trustedForwarded(headers: HeaderBag, name: "x-forwarded-host" | "x-forwarded-proto"): string | null {
  if (!isTrusted(forwardedPeer(headers))) return null;
  const value = header(headers, name)?.split(",")[0]?.trim().toLowerCase();
  return value || null;
}

/**
 * What the app server does to every request before the app sees it: appends the socket's peer to
 * X-Forwarded-For, and drops the proxy headers unless that peer is a trusted proxy. Mutates and
 * returns `headers` (Node's request headers object).
 */
export function withPeerAddress(
  headers: IncomingHttpHeaders,
  socketAddress: string | undefined,
  trusted: readonly string[] = trustedProxies(),
): IncomingHttpHeaders {
  const peer = socketAddress ? normalise(socketAddress) : "";
  const prior = headers["x-forwarded-for"];
  const chain = (Array.isArray(prior) ? prior.join(",") : (prior ?? ""))
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  // A peer without an address (a closed socket) still must not let the client's last entry pose
  // as the peer: "unknown" is no address, so client-address.ts reads it as none.
  headers["x-forwarded-for"] = [...chain, isIP(peer) ? peer : "unknown"].join(", ");
  if (!isTrusted(peer, trusted)) for (const name of PROXY_HEADERS) delete headers[name];
  return headers;
}
