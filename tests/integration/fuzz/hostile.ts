// What a hostile client sends instead of a valid input: the valid-ish value with one to three
// changes: a string, number or any value replaced by a hostile one (NUL, lone surrogates, other
// controls, a megabyte of text, huge and odd numbers, wrong types), a field left out, or a field
// added (prototype keys such as __proto__ and constructor, names with control characters).
import fc from "fast-check";

const MEGABYTE = 1 << 20;
const ONE_MB = "x".repeat(MEGABYTE);

export const HOSTILE_STRINGS: readonly string[] = [
  "\u0000",
  "abc\u0000def",
  "\ud800",
  "x\udfff",
  "\udc00\ud800",
  "bell\u0007",
  "\u001b[31mred",
  "del\u007f",
  "\u0085next line",
  "csi\u009b",
  ONE_MB,
  `${ONE_MB}\u0000`,
  "é".repeat(MEGABYTE),
  "👍".repeat(MEGABYTE / 2),
];

// Odd but clean text: accepted by the input rule, so it reaches the schemas and the database.
const ODD_STRINGS: readonly string[] = [
  "",
  " ",
  "  padded  ",
  "' OR 1=1 --",
  "%_\\",
  "${x}{{x}}",
  "<script>alert(1)</script>",
  "\u202eevil",
  "Zoë 東京 👍🏽",
  "__proto__",
  "constructor",
  "null",
  "-1",
  "1e308",
  "9".repeat(400),
];

export const HOSTILE_NUMBERS: readonly number[] = [
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER + 2,
  Number.MAX_SAFE_INTEGER,
  -Number.MAX_SAFE_INTEGER,
  -0,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  0.5,
  2 ** 31,
  2 ** 31 - 1,
  -(2 ** 31) - 1,
  0,
  -1,
  Number.MIN_VALUE,
];

const WRONG_TYPES: readonly unknown[] = [null, undefined, true, false, [], {}, [1, "a"], { a: "b" }, new Date(0), 10n, "text", 42];

export const PROTOTYPE_KEYS: readonly string[] = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf", "then"];
const HOSTILE_KEYS: readonly string[] = ["k\u0000", "\ud800", "a\u001fb", "\u0085"];
// Only what a client can send: data, no functions (a function under "then" would make the
// in-process caller's input a thenable that never settles, which no request can do).
const POLLUTING: readonly unknown[] = [{ polluted: "yes" }, { prototype: { polluted: "yes" } }, { then: "x" }, "yes", null];

export type Mutation =
  | { kind: "replace"; target: number; value: unknown }
  | { kind: "drop"; target: number; key: number }
  | { kind: "add"; target: number; key: string; value: unknown };

const hostileValue = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.constantFrom(...ODD_STRINGS) },
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS) },
  { weight: 2, arbitrary: fc.constantFrom(...WRONG_TYPES) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      Array.from({ length: 10_000 }, () => "x"),
      Array.from({ length: 1_000 }, () => ({})),
    ),
  },
);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant("replace" as const), target: fc.nat(), value: hostileValue }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("drop" as const), target: fc.nat(), key: fc.nat() }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("add" as const),
      target: fc.nat(),
      key: fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS), fc.constantFrom(...HOSTILE_KEYS), fc.string({ maxLength: 12 })),
      value: fc.oneof(fc.constantFrom(...POLLUTING), hostileValue),
    }),
  },
);

export const mutations = fc.array(mutation, { minLength: 1, maxLength: 3 });

type Path = (string | number)[];

// Every place in a value, root first, in a fixed order, with what sits there.
function slots(value: unknown, path: Path = [], out: { path: Path; value: unknown }[] = []) {
  out.push({ path, value });
  if (Array.isArray(value)) value.forEach((v, i) => slots(v, [...path, i], out));
  else if (isPlainObject(value)) for (const key of Object.keys(value)) slots(value[key], [...path, key], out);
  return out;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" &&
  v !== null &&
  !Array.isArray(v) &&
  (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);

// An own property even for "__proto__", which a plain assignment would treat as the prototype.
function put(target: Record<string | number, unknown> | unknown[], key: string | number, value: unknown) {
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
}

function copy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copy);
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) put(out, key, copy(value[key]));
    return out;
  }
  return value;
}

// A value with the mutations applied, each at the place its numbers pick: a deterministic
// function of what fast-check drew, so a seed replays it exactly. Everything is copied, so no
// run changes the shared hostile values another run draws.
export function mutate(valid: unknown, plan: readonly Mutation[]): unknown {
  let root = copy(valid);
  for (const m of plan) {
    const all = slots(root);
    if (m.kind === "replace") {
      // A hostile string lands on a string and a number on a number when there is one.
      const sameType = all.filter((s) => typeof s.value === typeof m.value && typeof m.value !== "object");
      const pool = sameType.length > 0 && m.target % 4 !== 0 ? sameType : all;
      const slot = pool[m.target % pool.length]!;
      root = replaceAt(root, slot.path, copy(m.value));
    } else {
      const objects = all.filter((s) => isPlainObject(s.value));
      if (objects.length === 0) continue;
      const target = objects[m.target % objects.length]!.value as Record<string, unknown>;
      if (m.kind === "drop") {
        const keys = Object.keys(target);
        if (keys.length > 0) delete target[keys[m.key % keys.length]!];
      } else {
        put(target, m.key, copy(m.value));
      }
    }
  }
  return root;
}

function replaceAt(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  let parent = root as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
  put(parent, path.at(-1)!, value);
  return root;
}

// A readable, bounded rendering of an input for failure messages: long strings shortened,
// control characters escaped, -0, NaN, undefined and bigints spelled out.
export function show(value: unknown, depth = 0): string {
  if (typeof value === "string") {
    return value.length > 60 ? `${JSON.stringify(value.slice(0, 24))}…(${value.length} chars)` : JSON.stringify(value);
  }
  if (typeof value === "number") return Object.is(value, -0) ? "-0" : String(value);
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "function") return "function";
  if (value === undefined || value === null || typeof value !== "object") return String(value);
  if (value instanceof Date) return `Date(${Number.isNaN(value.getTime()) ? "invalid" : value.toISOString()})`;
  if (depth > 5) return "…";
  if (Array.isArray(value)) {
    const items = value.slice(0, 5).map((v) => show(v, depth + 1));
    return `[${items.join(", ")}${value.length > 5 ? `, …(${value.length} items)` : ""}]`;
  }
  const entries = Object.keys(value).map((k) => `${JSON.stringify(k)}: ${show((value as Record<string, unknown>)[k], depth + 1)}`);
  return `{${entries.join(", ")}}`;
}
