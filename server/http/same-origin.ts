// Requests that change something must come from the app's own pages. A browser names the page a
// request comes from: `Origin` on every cross-origin request and on every POST (all current
// browsers), else `Sec-Fetch-Site`, else `Referer`. When it names another site the request is
// refused before anything runs, whatever cookies it carries (cross-site request forgery).
// A request naming no page at all does not come from a browser page (curl, a script, a server
// calling its own API); it cannot ride on a person's cookies without their browser, so it is let
// through, as every framework's origin check does. In-process callers (server components through
// the tRPC caller) never pass here.
import { header, type HeaderBag } from "./client-address";
import { appOrigins } from "./request-origin";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export const CROSS_ORIGIN_MESSAGE =
  "This request came from another website, so it was refused and nothing changed. Open the app itself and try again there.";

function originOf(value: string): string | null {
  try {
    const origin = new URL(value).origin;
    return origin === "null" ? null : origin;
  } catch {
    return null;
  }
}

export interface OriginVerdict {
  allowed: boolean;
  // Which header decided, and what it said: for the refusal's log line.
  reason: string;
}

export function checkSameOrigin(method: string, headers: HeaderBag): OriginVerdict {
  if (SAFE_METHODS.has(method.toUpperCase())) return { allowed: true, reason: "safe method" };
  const own = appOrigins(headers);

  const origin = header(headers, "origin")?.trim();
  if (origin) {
    // "null": a sandboxed frame, a file, or a cross-site redirect: never one of our pages.
    const named = originOf(origin);
    return named && own.includes(named)
      ? { allowed: true, reason: `Origin ${named}` }
      : { allowed: false, reason: `Origin ${origin} is not one of ${own.join(", ") || "(no host)"}` };
  }

  const site = header(headers, "sec-fetch-site")?.trim().toLowerCase();
  if (site) {
    // "none": typed or bookmarked by the person themself, not sent by another page.
    return site === "same-origin" || site === "none"
      ? { allowed: true, reason: `Sec-Fetch-Site ${site}` }
      : { allowed: false, reason: `Sec-Fetch-Site ${site}` };
  }

  const referer = header(headers, "referer")?.trim();
  if (referer) {
    const named = originOf(referer);
    return named && own.includes(named)
      ? { allowed: true, reason: `Referer ${named}` }
      : { allowed: false, reason: `Referer from ${named ?? "an unreadable address"}` };
  }

  return { allowed: true, reason: "no browser page named" };
}
