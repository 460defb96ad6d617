// The one rule every string a client sends must meet, field names included: no control characters
// (C0 controls other than tab, line feed and carriage return; DEL; C1 controls) and no lone
// surrogate halves. PostgreSQL refuses NUL and broken UTF-16 outright (a crash rather than an
// answer), and the other controls are never typed by a person, only smuggled in. Pure: the tRPC
// guard (server/trpc/input-guard.ts) applies it to every procedure's raw input.

// \p{Cc} is C0, DEL and C1; \p{Cs} in a /u pattern matches only a surrogate without its partner.
const BAD_CHARACTER = /(?![\t\n\r])[\p{Cc}\p{Cs}]/u;
// The same controls and any surrogate, paired or not: a quicker first look (a /u pattern is
// several times slower), so most text never needs the exact one.
const SUSPECT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ud800-\udfff]/;

export const hasBadCharacter = (text: string): boolean => SUSPECT.test(text) && BAD_CHARACTER.test(text);

export type InputPath = (string | number)[];

export interface BadText {
  // Where it is: the path of the value, or of the object whose field name is bad.
  path: InputPath;
  in: "value" | "key";
}

// The first string (or object key) in `input` that breaks the rule, or null. Walks arrays, plain
// and other objects, Maps, Sets and FormData, however deep, without recursion (a deeply nested
// body cannot overflow the stack) and visiting each object once (superjson can rebuild cycles).
export function findBadText(input: unknown): BadText | null {
  return containsBadText(input) ? locate(input) : null;
}

// The common case, clean input, without keeping any path: one pass over the values.
function containsBadText(input: unknown): boolean {
  const seen = new Set<object>();
  const stack: unknown[] = [input];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === "string") {
      if (hasBadCharacter(value)) return true;
      continue;
    }
    if (typeof value !== "object" || value === null || seen.has(value)) continue;
    seen.add(value);
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) stack.push(value[i]);
      continue;
    }
    if (Object.getPrototypeOf(value) === Object.prototype) {
      const record = value as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        if (hasBadCharacter(key)) return true;
        stack.push(record[key]);
      }
      continue;
    }
    for (const [key, item] of entries(value)) {
      if (typeof key === "string" && hasBadCharacter(key)) return true;
      if (value instanceof Map) stack.push(key);
      stack.push(item);
    }
  }
  return false;
}

// The same walk, keeping paths, to name the first bad field in the input's own order.
function locate(input: unknown): BadText | null {
  const seen = new Set<object>();
  const stack: Step[] = [{ value: input, at: null }];
  while (stack.length > 0) {
    const { value, at } = stack.pop()!;
    if (typeof value === "string") {
      if (hasBadCharacter(value)) return { path: pathOf(at), in: "value" };
      continue;
    }
    if (typeof value !== "object" || value === null || seen.has(value)) continue;
    seen.add(value);
    const children: Step[] = [];
    for (const [key, item] of entries(value)) {
      if (typeof key === "string" && hasBadCharacter(key)) return { path: pathOf(at), in: "key" };
      // A Map's keys may be any value, strings inside objects included.
      if (value instanceof Map) children.push({ value: key, at });
      const name = typeof key === "string" || typeof key === "number" ? key : String(key);
      children.push({ value: item, at: { key: name, parent: at } });
    }
    // Reversed onto the stack, so the first bad field in the input's own order is the one named.
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return null;
}

// Paths are shared links to the parent, spelled out only for the one bad field: copying them
// at every step would cost the square of the depth.
interface Link {
  key: string | number;
  parent: Link | null;
}

interface Step {
  value: unknown;
  at: Link | null;
}

function pathOf(at: Link | null): InputPath {
  const path: InputPath = [];
  for (let link = at; link; link = link.parent) path.push(link.key);
  return path.reverse();
}

function entries(value: object): Iterable<[unknown, unknown]> {
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer || value instanceof Date || value instanceof RegExp) return [];
  if (Array.isArray(value)) return value.map((item, i) => [i, item]);
  if (value instanceof Map) return value.entries();
  if (value instanceof Set) return [...value].map((item, i) => [i, item]);
  if (typeof FormData !== "undefined" && value instanceof FormData) return value.entries();
  return Object.keys(value).map((key) => [key, (value as Record<string, unknown>)[key]]);
}

// What is wrong, as a sentence without the field's name: the input guard's issue, shown beside the
// field (or as the form's summary) like any other input problem.
export function badTextProblem(bad: BadText): string {
  const problem = "contains a control character or an invalid character; remove it and try again.";
  return bad.in === "key" ? `A field name ${problem}` : `This ${problem}`;
}
