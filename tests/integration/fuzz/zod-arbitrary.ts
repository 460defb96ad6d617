// A fast-check arbitrary for any zod 4 schema, read from zod's own definition
// (`schema._zod.def`), so the fuzzer follows every procedure's input as it is declared, with no
// list of procedures to keep up to date. (zod-fast-check supports only zod 3.) Values aim at
// "valid-ish": the right shapes, lengths and bounds, and real ids where a field's name says
// which model it points to (`Seeds`), so calls get past validation and reach the services.
import fc from "fast-check";

interface Check {
  check: string;
  minimum?: number;
  maximum?: number;
  length?: number;
  value?: number | bigint;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
}

interface Def {
  type: string;
  checks?: { _zod: { def: Check } }[];
  format?: string;
  pattern?: RegExp;
  shape?: Record<string, Schema>;
  catchall?: Schema;
  element?: Schema;
  items?: Schema[];
  rest?: Schema | null;
  innerType?: Schema;
  in?: Schema;
  out?: Schema;
  options?: Schema[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  keyType?: Schema;
  valueType?: Schema;
  left?: Schema;
  right?: Schema;
  getter?: () => Schema;
}

export interface Schema {
  _zod: { def: Def };
}

export const isSchema = (value: unknown): value is Schema =>
  typeof value === "object" && value !== null && "_zod" in value && typeof (value as Schema)._zod?.def?.type === "string";

// Known good values for a field, by its name ("partnershipId" -> the world's partnership ids).
export type Seeds = (field: string) => readonly unknown[] | undefined;

const checksOf = (def: Def) => (def.checks ?? []).map((c) => c._zod.def);

const INT4_MAX = 2 ** 31 - 1;

// Lengths in the fuzz stay small unless a limit is what is being probed (hostile.ts does that).
const LONGEST = 300;
const LONGEST_ARRAY = 4;

// Types whose absence is accepted: an object field of these types may be left out.
const ABSENT_OK = new Set(["optional", "default", "prefault", "undefined", "void", "unknown", "any"]);

export function canBeAbsent(schema: Schema): boolean {
  const def = schema._zod.def;
  if (ABSENT_OK.has(def.type)) return true;
  if (def.type === "pipe" && def.in) return canBeAbsent(def.in);
  return false;
}

function stringArbitrary(def: Def): fc.Arbitrary<string> {
  const checks = checksOf(def);
  const min = Math.max(0, ...checks.map((c) => (c.check === "min_length" ? c.minimum! : c.check === "length_equals" ? c.length! : 0)));
  const max = Math.min(...checks.map((c) => (c.check === "max_length" ? c.maximum! : c.check === "length_equals" ? c.length! : Infinity)));
  const formats = [{ format: def.format, pattern: def.pattern }, ...checks.filter((c) => c.check === "string_format")];
  const choices: fc.Arbitrary<string>[] = [];
  for (const { format, pattern } of formats) {
    // zod's own email pattern is stricter than RFC 5322's addresses: follow it where it is given.
    if (format === "email") choices.push(pattern instanceof RegExp ? fc.stringMatching(pattern) : fc.emailAddress());
    else if (format === "url") choices.push(fc.webUrl());
    else if (format === "uuid" || format === "guid") choices.push(fc.uuid());
    else if (format === "datetime") choices.push(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()));
    else if (pattern instanceof RegExp) {
      // A calendar-day pattern mostly yields days that do not exist; offer real ones too.
      if (/\\d\{4\}-\\d\{2\}-\\d\{2\}/.test(pattern.source)) choices.push(realDay(), realDay());
      choices.push(fc.stringMatching(pattern));
    }
  }
  if (choices.length === 0) {
    const maxLength = Math.min(max, Math.max(min, LONGEST));
    // Lengths of graphemes are not zod's lengths (UTF-16 code units): keep only those that fit.
    const graphemes = fc.string({ minLength: min, maxLength, unit: "grapheme" }).filter((t) => t.length >= min && t.length <= max);
    choices.push(fc.string({ minLength: min, maxLength }), graphemes);
    if (Number.isFinite(max) && max > LONGEST) choices.push(fc.string({ minLength: max - 1, maxLength: max }));
    // No limit at all: as long as a client likes, past what a database index can hold.
    if (!Number.isFinite(max)) choices.push(fc.constantFrom("i".repeat(3000), "u".repeat(1 << 20)));
  }
  return fc.oneof(...choices);
}

const realDay = () =>
  fc
    .date({ min: new Date("1999-01-01T00:00:00Z"), max: new Date("2101-12-31T00:00:00Z"), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));

function numberArbitrary(def: Def): fc.Arbitrary<number> {
  const checks = checksOf(def);
  const int = def.format?.includes("int") || checks.some((c) => c.check === "number_format" && c.format?.includes("int"));
  let min = -Number.MAX_VALUE;
  let max = Number.MAX_VALUE;
  for (const c of checks) {
    const value = Number(c.value);
    if (c.check === "greater_than") min = Math.max(min, c.inclusive ? value : value + (int ? 1 : Number.EPSILON));
    if (c.check === "less_than") max = Math.min(max, c.inclusive ? value : value - (int ? 1 : Number.EPSILON));
  }
  if (int) {
    const lo = Math.max(min, -1000);
    const hi = Math.min(max, Math.max(lo, 1000));
    // The schema's own bounds, and where the database's integer columns end (a value the schema
    // accepts but a 32-bit column cannot hold is a classic crash).
    const edges = [min, max, 1, 25, 50, 100, INT4_MAX, INT4_MAX + 1, -INT4_MAX - 2, Number.MAX_SAFE_INTEGER];
    const inRange = edges.filter((n) => Number.isSafeInteger(n) && n >= min && n <= max);
    const integers = fc.integer({ min: Math.ceil(lo), max: Math.floor(hi) });
    return inRange.length > 0 ? fc.oneof(integers, fc.constantFrom(...inRange)) : integers;
  }
  const lo = Math.max(min, -1e6);
  return fc.oneof(fc.double({ min: lo, max: Math.min(max, Math.max(lo, 1e6)), noNaN: true }), fc.constantFrom(min, max));
}

function objectArbitrary(def: Def, seeds: Seeds): fc.Arbitrary<Record<string, unknown>> {
  const shape = def.shape ?? {};
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  const required: string[] = [];
  for (const [key, field] of Object.entries(shape)) {
    model[key] = arbitraryFor(field, seeds, key);
    if (!canBeAbsent(field)) required.push(key);
  }
  return fc.record(model, { requiredKeys: required });
}

// The arbitrary for one schema; `field` is the name of the object field it sits in.
export function arbitraryFor(schema: Schema, seeds: Seeds, field?: string, depth = 0): fc.Arbitrary<unknown> {
  const def = schema._zod.def;
  const derived = derive(def, seeds, field, depth);
  // Wrappers (optional, nullable, pipe...) pass the field name on to the text inside them.
  const known = field && def.type === "string" ? seeds(field) : undefined;
  // Mostly a real value where one is known (an id that exists), sometimes anything the schema allows.
  return known?.length ? fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: derived }) : derived;
}

function derive(def: Def, seeds: Seeds, field: string | undefined, depth: number): fc.Arbitrary<unknown> {
  const inner = (s: Schema | undefined) => (s ? arbitraryFor(s, seeds, field, depth + 1) : fc.constant(undefined));
  switch (def.type) {
    case "string":
      return stringArbitrary(def);
    case "number":
      return numberArbitrary(def);
    case "int":
      return numberArbitrary({ ...def, format: "safeint" });
    case "bigint":
      return fc.bigInt();
    case "boolean":
      return fc.boolean();
    case "date":
      return fc.date();
    case "null":
      return fc.constant(null);
    case "undefined":
    case "void":
    case "never":
      return fc.constant(undefined);
    case "enum":
      return fc.constantFrom(...Object.values(def.entries ?? {}));
    case "literal":
      return fc.constantFrom(...(def.values ?? [undefined]));
    case "object":
      return objectArbitrary(def, seeds);
    case "array": {
      const checks = checksOf(def);
      const minLength = Math.max(0, ...checks.map((c) => (c.check === "min_length" ? c.minimum! : 0)));
      const maxLength = Math.min(
        Math.max(minLength, LONGEST_ARRAY),
        ...checks.map((c) => (c.check === "max_length" ? c.maximum! : Infinity)),
      );
      return fc.array(arbitraryFor(def.element!, seeds, undefined, depth + 1), { minLength, maxLength });
    }
    case "tuple":
      return fc.tuple(...(def.items ?? []).map((s) => arbitraryFor(s, seeds, undefined, depth + 1)));
    case "record":
      return fc.dictionary(
        arbitraryFor(def.keyType!, seeds, undefined, depth + 1).map(String),
        arbitraryFor(def.valueType!, seeds, undefined, depth + 1),
        { maxKeys: 3 },
      );
    case "map":
      return fc.constant(new Map());
    case "set":
      return fc.constant(new Set());
    case "union":
      return fc.oneof(...(def.options ?? []).map((s) => arbitraryFor(s, seeds, field, depth + 1)));
    case "intersection":
      return fc.tuple(inner(def.left), inner(def.right)).map(([a, b]) => (isRecord(a) && isRecord(b) ? { ...a, ...b } : a));
    case "optional":
      return fc.option(inner(def.innerType), { nil: undefined, freq: 4 });
    case "nullable":
      return fc.option(inner(def.innerType), { nil: null, freq: 4 });
    case "default":
    case "prefault":
      return fc.option(inner(def.innerType), { nil: undefined, freq: 3 });
    case "nonoptional":
    case "readonly":
    case "catch":
    case "promise":
      return inner(def.innerType);
    case "pipe":
      // What goes in is what the client sends; the transform's output is the server's business.
      return inner(def.in);
    case "lazy":
      return depth > 4 ? fc.constant(undefined) : inner(def.getter?.());
    default:
      // any, unknown, custom, transform, ...: any plain data.
      return fc.jsonValue({ maxDepth: 2 });
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

// A procedure's input: tRPC parses the same raw input with each of its `.input()` schemas in
// turn and merges the results, so the fields of every object schema are merged here.
export function procedureInputArbitrary(inputs: readonly unknown[], seeds: Seeds): fc.Arbitrary<unknown> {
  const schemas = inputs.filter(isSchema);
  if (schemas.length === 0) return fc.constant(undefined);
  const objects = schemas.map(unwrapObject);
  if (objects.every((o): o is Def => o !== null)) {
    const shape = Object.assign({}, ...objects.map((o) => o.shape)) as Record<string, Schema>;
    return objectArbitrary({ type: "object", shape }, seeds);
  }
  return arbitraryFor(schemas.at(-1)!, seeds);
}

// The object inside a schema that only refines or defaults it.
function unwrapObject(schema: Schema): Def | null {
  const def = schema._zod.def;
  if (def.type === "object") return def;
  if (def.type === "pipe" && def.in) return unwrapObject(def.in);
  return null;
}
