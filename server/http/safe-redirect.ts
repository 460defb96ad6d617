// Where may a link send someone next? Only to a path of this app. Every redirect target that comes
// from input (a `callbackUrl` in the address bar, next-auth's callback, a form's "go on to") passes
// through here, on the server and in the browser alike, so this file imports nothing.
//
// Browsers are generous parsers: `/\evil.test` and `/%5Cevil.test` (a backslash counts as a slash),
// `/%09/evil.test` (a tab is dropped), `//evil.test` (a protocol-relative URL) all leave the site.
// So a target is accepted only when (1) neither its text nor its decoded text carries a backslash,
// a control character or surrounding whitespace, and neither starts with `//`; (2) parsed against
// the app's origin it keeps that origin (which refuses `https://evil.test`, `javascript:...`); and
// (3) the path it comes out as passes the test of (1) too (`/.//evil.test` normalises to
// `//evil.test`). Anything else falls back to "/".

export const SAFE_FALLBACK = "/";

// Long enough for any page of the app with its filters, short enough that nobody ships a novel.
const MAX_LENGTH = 2048;

// C0 controls, DEL and the C1 controls; tabs and line breaks among them.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

function decodedForms(text: string): string[] | null {
  // Decode until nothing changes, so a twice-encoded backslash (%255C) is seen as well.
  const forms = [text];
  let current = text;
  for (let i = 0; i < 3; i++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return null;
    }
    if (next === current) return forms;
    forms.push(next);
    current = next;
  }
  return forms;
}

const looksHostile = (form: string) => form.includes("\\") || CONTROL.test(form) || form !== form.trim() || form.startsWith("//");

/**
 * The same-origin path (pathname + search + hash) `target` names, or "/" when it names anything
 * else. `origins`: the app's own origin(s) (e.g. "https://health.example.com"); an absolute URL is
 * accepted only at one of them. The first is the base that relative targets are read against.
 */
export function safeRedirectPath(target: unknown, origins: string | readonly string[]): string {
  if (typeof target !== "string" || target === "" || target.length > MAX_LENGTH) return SAFE_FALLBACK;
  const allowed = (typeof origins === "string" ? [origins] : [...origins]).flatMap((o) => {
    try {
      return [new URL(o).origin];
    } catch {
      return [];
    }
  });
  const base = allowed[0];
  if (!base) return SAFE_FALLBACK;

  const forms = decodedForms(target);
  if (!forms || forms.some(looksHostile)) return SAFE_FALLBACK;
  // A path, or an absolute http(s) URL; "evil.test/x" or "?x" are not what any of our links send.
  if (!target.startsWith("/") && !/^https?:\/\//i.test(target)) return SAFE_FALLBACK;

  let url: URL;
  try {
    url = new URL(target, base);
  } catch {
    return SAFE_FALLBACK;
  }
  if (!allowed.includes(url.origin) || (url.protocol !== "http:" && url.protocol !== "https:")) return SAFE_FALLBACK;
  if (url.username || url.password) return SAFE_FALLBACK;
  // The path as it comes out must pass the same test: the parser resolves dot segments
  // ("/./%2F/evil.test" comes out as "/%2F/evil.test", which decodes to "///evil.test").
  const path = `${url.pathname}${url.search}${url.hash}`;
  const pathForms = decodedForms(path);
  if (!path.startsWith("/") || !pathForms || pathForms.some(looksHostile)) return SAFE_FALLBACK;
  return path;
}
