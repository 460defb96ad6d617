// Which origin a request was addressed to, and whether it came over HTTPS.
//
// The app's own origins are the configured public URLs (APP_URL, NEXTAUTH_URL) and the one this
// request names: its Host, with the scheme "http" (the app server speaks plain HTTP), or, when it
// came through a trusted proxy (server/http/forwarded.ts), the host and scheme that proxy reports.
import { env } from "../env";
import { header, type HeaderBag } from "./client-address";
import { trustedForwarded } from "./forwarded";

function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const origin = new URL(url).origin;
    return origin === "null" ? null : origin;
  } catch {
    return null;
  }
}

export function configuredOrigins(): string[] {
  return [...new Set([originOf(env.APP_URL), originOf(env.NEXTAUTH_URL)].filter((o): o is string => !!o))];
}

// The origin this request was sent to, as far as we can tell; null without a usable Host.
export function requestOrigin(headers: HeaderBag): string | null {
  const host = trustedForwarded(headers, "x-forwarded-host") ?? header(headers, "host")?.trim().toLowerCase();
  if (!host) return null;
  const proto = trustedForwarded(headers, "x-forwarded-proto") === "https" ? "https" : "http";
  return originOf(`${proto}://${host}`);
}

// Every origin a same-origin request may carry: the configured ones first (the canonical address
// for building links), then the request's own.
export function appOrigins(headers: HeaderBag): string[] {
  const own = requestOrigin(headers);
  return [...new Set([...configuredOrigins(), ...(own ? [own] : [])])];
}

// HTTPS as the person's browser sees it: a trusted proxy said so, or the app is configured at an
// https:// address (then it is served behind TLS, whatever the last hop spoke).
export function servedOverHttps(headers: HeaderBag): boolean {
  if (trustedForwarded(headers, "x-forwarded-proto") === "https") return true;
  return configuredOrigins().some((o) => o.startsWith("https://"));
}
