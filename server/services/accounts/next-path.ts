// Where to go after an emailed link signs someone in: only a path of this site, decided after
// URL parsing, so "/\evil.test", "/%09/evil.test" (once decoded) and "//evil.test" all fall back.
// A minimal rule until server/http/safe-redirect.ts (the doors' one check for every redirect)
// lands; then this should call that.
const BASE = "http://same-origin.invalid";

export function safeNextPath(raw: unknown, fallback = "/"): string {
  if (typeof raw !== "string" || !raw.startsWith("/") || raw.length > 2000) return fallback;
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return fallback;
  }
  // The parser turns backslashes into slashes and drops tabs and line breaks, so another host
  // shows up here whatever way it was spelled; a path that still begins "//" would be read as a
  // host by the browser.
  if (url.origin !== BASE || url.pathname.startsWith("//")) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
