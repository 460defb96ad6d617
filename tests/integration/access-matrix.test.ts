// A matrix generated from the router: every procedure of the app router, called by every kind of
// caller, answers what the access module (server/access) says its rule answers, and nothing a call
// returns names what the caller may not know of. The procedures are read from the router at run
// time, so one added without an access rule or without an entry in access-matrix/fixtures.ts fails
// here. Each scenario builds its own world and runs the writes after the reads, the destructive
// ones (removing a member, deciding the review, closing the cycle) last.
import { TRPCError } from "@trpc/server";
import superjson from "superjson";
import { afterAll, describe, expect, it } from "vitest";
import type { Rule } from "../../server/access/decide";
import { expectedOutcome, type Caller, type Outcome, type RuleFacts } from "../../server/access/outcome";
import { appRouter } from "../../server/trpc/root";
import { FIXTURES, type Fixture, type IdKind } from "./access-matrix/fixtures";
import { buildMatrixWorld, randomId, type MatrixWorld, type Person } from "./access-matrix/world";
import { callerFor } from "./helpers";

interface Procedure {
  path: string;
  type: "query" | "mutation" | "subscription";
  rule: Rule | undefined;
}

const PROCEDURES: Procedure[] = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: unknown }>).map(
  ([path, p]) => {
    const def = p._def as { type: Procedure["type"]; meta?: { access?: Rule } };
    return { path, type: def.type, rule: def.meta?.access };
  },
);

// Without the workspace slug in the input: the steps before the member step.
const outsideWorkspace = (rule: Rule) => rule === "public" || rule === "signedIn";

// Who calls, with which workspace slug, what the access module is asked about them, which ids
// in their inputs they must not be able to tell from random ones, and which names must never
// reach them.
interface Scenario {
  name: string;
  setup(w: MatrixWorld): {
    userId: string | null;
    caller: Caller;
    slug: string;
    // The ids of the fixtures are another workspace's: whatever they name is missing here.
    foreignWorkspace?: boolean;
    // Compare each refusal with the same call on random ids, for the ids of these kinds.
    compareRandom?: { kinds: readonly IdKind[]; of: string };
    secrets: string[];
  };
}

const member = (p: Person, slug: string) => ({ userId: p.userId, caller: p.actor, slug });

// Every name of the workspace: its own, its partners', its partnerships', its people's.
const allNames = (w: MatrixWorld) => [
  w.workspace.name,
  w.orgA.name,
  w.orgB.name,
  w.partnershipA.name,
  w.partnershipB.name,
  ...Object.values(w.people).map((p) => p.name),
];

const SCENARIOS: Scenario[] = [
  { name: "signed out", setup: (w) => ({ userId: null, caller: "signedOut", slug: w.slug, secrets: [] }) },
  { name: "owner", setup: (w) => ({ ...member(w.people.owner, w.slug), secrets: [] }) },
  { name: "admin", setup: (w) => ({ ...member(w.people.admin, w.slug), secrets: [] }) },
  { name: "manager owning A", setup: (w) => ({ ...member(w.people.managerOwner, w.slug), secrets: [] }) },
  { name: "manager on A's team", setup: (w) => ({ ...member(w.people.teamManager, w.slug), secrets: [] }) },
  { name: "manager not on A", setup: (w) => ({ ...member(w.people.otherManager, w.slug), secrets: [] }) },
  { name: "executive", setup: (w) => ({ ...member(w.people.executive, w.slug), secrets: [] }) },
  {
    name: "partner contact of A",
    setup: (w) => ({
      ...member(w.people.contactA, w.slug),
      secrets: [w.orgB.name, w.partnershipB.name, w.people.contactB.name],
    }),
  },
  {
    name: "partner contact of B, with A's ids",
    setup: (w) => {
      const { contactA, contactA2, contactA3, teamManager, managerOwner } = w.people;
      return {
        ...member(w.people.contactB, w.slug),
        compareRandom: { kinds: ["hidden"], of: "another organisation's partnership" },
        secrets: [w.orgA.name, w.partnershipA.name, ...[contactA, contactA2, contactA3, teamManager, managerOwner].map((p) => p.name)],
      };
    },
  },
  {
    name: "member of another workspace, with this workspace's slug",
    setup: (w) => ({ userId: w.elsewhere.owner.userId, caller: "outsider", slug: w.slug, secrets: allNames(w) }),
  },
  {
    name: "member of another workspace, with their own slug and this workspace's ids",
    setup: (w) => ({
      ...member(w.elsewhere.owner, w.elsewhere.slug),
      foreignWorkspace: true,
      compareRandom: { kinds: ["hidden", "workspace"], of: "another workspace" },
      secrets: allNames(w),
    }),
  },
];

type Answer = { ok: true; output: unknown } | { ok: false; code: string; message: string };

async function call(userId: string | null, path: string, input: unknown): Promise<Answer> {
  const api = callerFor(userId) as unknown;
  const procedure = path.split(".").reduce((node, key) => (node as Record<string, unknown>)[key], api) as (i: unknown) => Promise<unknown>;
  try {
    return { ok: true, output: await procedure(input) };
  } catch (error) {
    if (error instanceof TRPCError) return { ok: false, code: error.code, message: error.message };
    return { ok: false, code: "THROWN", message: String(error) };
  }
}

const ACCESS_CODES = new Set(["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND"]);
const describeAnswer = (a: Answer) => (a.ok ? "allowed" : `${a.code} "${a.message}"`);
const describeOutcome = (o: Outcome) => (o.ok ? "allowed" : `${o.code} "${o.message}"`);

// Does the answer match what the access module decided? Allowed: anything but a refusal of
// access (a domain rule may still say no: a closed retro, an open review). Refused: that code;
// and for a FORBIDDEN or BAD_REQUEST decision, its own message.
function matches(expected: Outcome, actual: Answer): boolean {
  if (expected.ok)
    return actual.ok || (!ACCESS_CODES.has(actual.code) && actual.code !== "INTERNAL_SERVER_ERROR" && actual.code !== "THROWN");
  if (actual.ok || actual.code !== expected.code) return false;
  return expected.code === "NOT_FOUND" || expected.code === "UNAUTHORIZED" || actual.message === expected.message;
}

const stageOf = (p: Procedure, f: Fixture) => f.stage ?? (p.type === "query" ? 0 : 10);

// Disagreements found and reported, waiting for their fix in server/access: each must still
// happen, so its entry goes with the fix, and no other may. Keyed by scenario, then procedure and
// check.
const KNOWN: Record<string, Record<string, string>> = {};

const totals = { calls: 0, cells: 0, allowed: 0, allowedButRefused: 0, denied: 0, randomChecks: 0, scenarios: 0 };

describe("the access matrix, generated from the router", () => {
  afterAll(() => {
    console.log(
      `access matrix: ${PROCEDURES.length} procedures x ${SCENARIOS.length} scenarios = ${totals.cells} cells (${totals.scenarios} scenarios run); ` +
        `${totals.calls} calls, ${totals.randomChecks} of them foreign-vs-random id checks; ` +
        `${totals.allowed} allowed (${totals.allowedButRefused} of them then refused by a domain rule), ${totals.denied} denied`,
    );
  });

  it("every procedure names its access rule and has a fixture, and every fixture a procedure", () => {
    const paths = new Set(PROCEDURES.map((p) => p.path));
    expect(
      PROCEDURES.filter((p) => !p.rule).map((p) => p.path),
      "procedures without an access rule in their meta",
    ).toEqual([]);
    expect(
      PROCEDURES.filter((p) => !FIXTURES[p.path]).map((p) => p.path),
      "procedures without an entry in access-matrix/fixtures.ts",
    ).toEqual([]);
    expect(
      Object.keys(FIXTURES).filter((path) => !paths.has(path)),
      "fixtures of no procedure",
    ).toEqual([]);
  });

  for (const scenario of SCENARIOS) {
    it(scenario.name, { timeout: 180_000 }, async () => {
      const w = await buildMatrixWorld();
      const s = scenario.setup(w);
      const problems = new Map<string, string>();
      const leaks = (path: string, text: string) => {
        for (const secret of s.secrets)
          if (text.includes(secret)) problems.set(`${path}: leak ${secret}`, `${path}: its answer names "${secret}"`);
      };
      const runnable = PROCEDURES.filter((p) => p.rule && FIXTURES[p.path])
        .map((p) => ({ ...p, rule: p.rule!, fixture: FIXTURES[p.path]! }))
        .sort((x, y) => stageOf(x, x.fixture) - stageOf(y, y.fixture));

      for (const p of runnable) {
        const f = p.fixture;
        const given = f.input?.(w);
        const input = outsideWorkspace(p.rule) ? given : { workspaceSlug: s.slug, ...given };
        const facts: RuleFacts =
          s.foreignWorkspace && f.ids ? { missing: true } : typeof s.caller === "object" && f.facts ? await f.facts(w, s.caller) : {};
        const expected = expectedOutcome(p.rule, s.caller, facts);
        const actual = await call(s.userId, p.path, input);
        totals.calls++;
        totals.cells++;
        if (expected.ok) {
          totals.allowed++;
          if (!actual.ok) totals.allowedButRefused++;
        } else totals.denied++;

        if (!matches(expected, actual)) {
          problems.set(
            `${p.path}: outcome`,
            `${p.path} [${p.rule}]: the access module says ${describeOutcome(expected)}, the call answered ${describeAnswer(actual)}`,
          );
        }
        // Neither an answer nor a refusal names what the caller may not know of. A token is its
        // own credential: a public procedure shows what the token opens.
        if (p.rule !== "public") leaks(p.path, actual.ok ? superjson.stringify(actual.output) : actual.message);

        // A foreign id answers exactly like a random one.
        const swap = Object.entries(f.ids ?? {}).filter(([, kind]) => s.compareRandom?.kinds.includes(kind));
        if (!actual.ok && swap.length && input) {
          const random = { ...input, ...Object.fromEntries(swap.map(([field]) => [field, randomId()])) };
          const other = await call(s.userId, p.path, random);
          totals.calls++;
          totals.randomChecks++;
          if (other.ok || other.code !== actual.code || other.message !== actual.message) {
            problems.set(
              `${p.path}: foreign vs random`,
              `${p.path}: ${swap.map(([field]) => field).join(", ")} of ${s.compareRandom!.of} answers ${describeAnswer(actual)}, ` +
                `a random one ${describeAnswer(other)}`,
            );
          }
        }
      }
      totals.scenarios++;

      const known = KNOWN[scenario.name] ?? {};
      const unexpected = [...problems].filter(([key]) => !(key in known)).map(([, text]) => text);
      const fixed = Object.keys(known).filter((key) => !problems.has(key));
      expect(unexpected, `${scenario.name}: ${unexpected.length} calls disagree with the access module`).toEqual([]);
      expect(fixed, `${scenario.name}: known disagreements that no longer happen (remove them from KNOWN)`).toEqual([]);
    });
  }
});
