// The access matrix through a personal survey link: every procedure of the app router, called
// with a link and nothing else (as the link's own endpoint and pages call them), answers what the
// access module says (server/access/outcome.ts, expectedLinkOutcome): the survey steps allow what
// lies within the link, everything else is signed out; and no answer names what the link's person
// may not know of. The procedures and their inputs are the access matrix's own (access-matrix/),
// so a procedure added tomorrow is checked here tomorrow.
import { TRPCError } from "@trpc/server";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import type { Rule } from "../../server/access/decide";
import { expectedLinkOutcome, LINK_RULES, type Outcome } from "../../server/access/outcome";
import { forWorkspace } from "../../server/db/tenant";
import { issueSurveyLink } from "../../server/services/survey-links/issue";
import { createLinkContext } from "../../server/trpc/link-context";
import { appRouter, createCaller } from "../../server/trpc/root";
import { FIXTURES } from "./access-matrix/fixtures";
import { buildMatrixWorld, randomId, type MatrixWorld, type Person } from "./access-matrix/world";
import { db, appDb } from "./helpers";

interface Procedure {
  path: string;
  type: "query" | "mutation" | "subscription";
  rule: Rule;
}

const PROCEDURES: Procedure[] = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: unknown }>).map(
  ([path, p]) => {
    const def = p._def as { type: Procedure["type"]; meta?: { access?: Rule } };
    return { path, type: def.type, rule: def.meta!.access! };
  },
);

const outsideWorkspace = (rule: Rule) => rule === "public" || rule === "signedIn" || rule === "surveyLink";

type Answer = { ok: true; output: unknown } | { ok: false; code: string; message: string };

async function call(token: string, path: string, input: unknown): Promise<Answer> {
  const api = createCaller(createLinkContext({ token }, db())) as unknown;
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

// Allowed: anything but a refusal of access (a domain rule may still say no). Refused: the same
// code and the same words, so a refusal through a link always asks for a sign-in, and says why.
function matches(expected: Outcome, actual: Answer): boolean {
  if (expected.ok)
    return actual.ok || (!ACCESS_CODES.has(actual.code) && actual.code !== "INTERNAL_SERVER_ERROR" && actual.code !== "THROWN");
  return !actual.ok && actual.code === expected.code && actual.message === expected.message;
}

interface Scenario {
  name: string;
  person: (w: MatrixWorld) => Person;
  // The procedures the link opens in the matrix world's inputs (all on partnership A).
  opens: string[];
  secrets: (w: MatrixWorld) => string[];
  // Refusals of A's ids must read exactly like refusals of random ids.
  compareRandom?: boolean;
}

const ALL_SURVEY = [
  "response.form",
  "response.saveDraft",
  "response.submit",
  "response.muteReminders",
  "surveyLink.open",
  "surveyLink.overview",
];

const SCENARIOS: Scenario[] = [
  {
    name: "the link of a contact of A",
    person: (w) => w.people.contactA,
    opens: ALL_SURVEY,
    secrets: (w) => [w.orgB.name, w.partnershipB.name, w.people.contactB.name],
  },
  {
    name: "the link of a contact of B, with A's ids",
    person: (w) => w.people.contactB,
    opens: ["response.muteReminders", "surveyLink.open", "surveyLink.overview"],
    compareRandom: true,
    secrets: (w) => [w.orgA.name, w.partnershipA.name, w.people.contactA.name, w.people.managerOwner.name, w.people.teamManager.name],
  },
  { name: "the link of A's owner", person: (w) => w.people.managerOwner, opens: ALL_SURVEY, secrets: () => [] },
];

describe("the access matrix through a personal survey link", () => {
  it("accepts a link on the survey steps and the link's own procedures, and nowhere else", () => {
    const accepting = PROCEDURES.filter((p) => LINK_RULES.has(p.rule)).map((p) => p.path);
    expect(accepting.sort()).toEqual([...ALL_SURVEY].sort());
  });

  for (const scenario of SCENARIOS) {
    it(scenario.name, { timeout: 180_000 }, async () => {
      const w = await buildMatrixWorld();
      const person = scenario.person(w);
      const cycle = w.cycles.current;
      const link = await issueSurveyLink(forWorkspace(appDb(), w.workspace.id), { memberId: person.member.id, cycleId: cycle.id });
      const token = link.slice(link.lastIndexOf("/") + 1);
      const secrets = scenario.secrets(w);
      const problems: string[] = [];
      const opened: string[] = [];
      const runnable = PROCEDURES.filter((p) => FIXTURES[p.path])
        .map((p) => ({ ...p, fixture: FIXTURES[p.path]! }))
        .sort((x, y) => (x.fixture.stage ?? (x.type === "query" ? 0 : 10)) - (y.fixture.stage ?? (y.type === "query" ? 0 : 10)));
      expect(runnable).toHaveLength(PROCEDURES.length);

      for (const p of runnable) {
        const given = p.fixture.input?.(w);
        const input = outsideWorkspace(p.rule) ? given : { workspaceSlug: w.slug, ...given };
        // Within the link: its cycle, and what its person is asked about there.
        const facts = LINK_RULES.has(p.rule) && p.rule !== "surveyLink" ? await p.fixture.facts!(w, person.actor) : {};
        const inCycle = !input || !("cycleId" in input) || input.cycleId === cycle.id;
        const expected = expectedLinkOutcome(p.rule, { withinLink: inCycle && facts.asked === true, linkCycle: cycle });
        const actual = await call(token, p.path, input);
        if (actual.ok && p.rule !== "public") opened.push(p.path);
        if (!matches(expected, actual)) {
          problems.push(
            `${p.path} [${p.rule}]: the access module says ${expected.ok ? "allowed" : `${expected.code} "${expected.message}"`}, the call answered ${describeAnswer(actual)}`,
          );
        }
        const text = actual.ok ? superjson.stringify(actual.output) : actual.message;
        for (const secret of secrets)
          if (p.rule !== "public" && text.includes(secret)) problems.push(`${p.path}: its answer names "${secret}"`);

        const hidden = Object.entries(p.fixture.ids ?? {}).filter(([, kind]) => kind === "hidden");
        if (scenario.compareRandom && !actual.ok && hidden.length && input) {
          const random = { ...input, ...Object.fromEntries(hidden.map(([field]) => [field, randomId()])) };
          const other = await call(token, p.path, random);
          if (other.ok || other.code !== actual.code || other.message !== actual.message) {
            problems.push(`${p.path}: A's ids answer ${describeAnswer(actual)}, random ones ${describeAnswer(other)}`);
          }
        }
      }
      expect(problems).toEqual([]);
      expect(opened.sort()).toEqual([...scenario.opens].sort());
    });
  }
});
