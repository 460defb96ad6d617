// The security headers of every response: pages get them from proxy.ts (with a fresh script nonce
// each), the API routes from server/http/api-route.ts.

export interface PolicyOptions {
  // The per-request nonce that Next.js puts on its own scripts; null for responses that run no
  // script of ours (the API's JSON, next-auth's plain pages).
  nonce: string | null;
  // `next dev` needs eval (React rebuilds server error stacks with it) and its reload socket.
  dev: boolean;
  https: boolean;
}

export function contentSecurityPolicy({ nonce, dev, https }: PolicyOptions): string {
  const directives: string[] = [
    "default-src 'self'",
    // A script runs only when it carries this response's nonce, or was loaded by one that does
    // ('strict-dynamic': Next.js loads its page chunks that way). 'self' is the fallback for
    // browsers before CSP 3, which ignore 'strict-dynamic'.
    nonce ? `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}` : "script-src 'none'",
    // Inline styles are allowed on purpose: Tailwind's stylesheet is a file, but Recharts and Radix
    // write `style` attributes into the server-rendered HTML, which a nonce cannot cover. Styles
    // cannot run code; scripts stay strict.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  if (https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

// Everything the browser does not need is switched off for this site and anything it might embed.
export const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "autoplay=()",
  "camera=()",
  "display-capture=()",
  "geolocation=()",
  "gyroscope=()",
  "magnetometer=()",
  "microphone=()",
  "midi=()",
  "payment=()",
  "publickey-credentials-get=()",
  "screen-wake-lock=()",
  "usb=()",
  "xr-spatial-tracking=()",
].join(", ");

// A year; without includeSubDomains or preload, which would bind every other site of the
// operator's domain too: that is theirs to decide at their proxy.
export const HSTS = "max-age=31536000";

export function securityHeaders(options: PolicyOptions): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(options),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": PERMISSIONS_POLICY,
    // frame-ancestors says the same to current browsers; this is for the ones before CSP 2.
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(options.https ? { "Strict-Transport-Security": HSTS } : {}),
  };
}

// 128 random bits, base64: what CSP asks of a nonce. Web Crypto, so it works in any runtime.
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
