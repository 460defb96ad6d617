// Whether a URL an admin gives us may receive our outgoing requests. Checked when the URL is saved
// (a clear message in the form) and again at every connection (post.ts), because a name that
// resolved to a public address when saved may resolve to a private one later.
import { env } from "../../env";

export class OutboundTargetError extends Error {}

export interface TargetRules {
  // WEBHOOKS_ALLOW_PRIVATE=1: loopback and private addresses, and plain http, are allowed (tests,
  // a receiver on the same private network).
  allowPrivate: boolean;
}

export const targetRules = (): TargetRules => ({ allowPrivate: env.WEBHOOKS_ALLOW_PRIVATE });

// The URL, parsed, or an error that says what is wrong with it in words.
export function parseTargetUrl(raw: string, rules: TargetRules = targetRules()): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new OutboundTargetError("That is not a web address. It should start with https://.");
  }
  if (url.protocol !== "https:" && !(rules.allowPrivate && url.protocol === "http:")) {
    throw new OutboundTargetError("The address must start with https://, so what we send is encrypted.");
  }
  if (url.username || url.password) {
    throw new OutboundTargetError("Put credentials in the receiver's settings, not in the address.");
  }
  if (!rules.allowPrivate && (url.hostname === "localhost" || url.hostname.endsWith(".localhost"))) {
    throw new OutboundTargetError("The address points at this server itself; use a public address.");
  }
  return url;
}
