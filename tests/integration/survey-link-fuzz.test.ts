// Fuzzing every procedure of the app router through a personal survey link, as fuzz.test.ts does
// for sessions (the same input arbitraries, hostile values and database fingerprint): called with
// a partner contact's link and nothing else, every call succeeds or is refused with a 4xx, never
// a 5xx, and a refused call changes nothing, not even the link's record of its use. The procedures
// a link cannot open get fewer runs: the ladder refuses them before their input matters.
import { TRPCError } from "@trpc/server";
import type { AnyProcedure } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import fc from "fast-check";
import superjson from "superjson";
import { describe, it } from "vitest";
import { LINK_RULES } from "../../server/access/outcome";
import type { Rule } from "../../server/access/decide";
import { forWorkspace } from "../../server/db/tenant";
import { issueSurveyLink } from "../../server/services/survey-links/issue";
import { createLinkContext } from "../../server/trpc/link-context";
import { appRouter, createCaller } from "../../server/trpc/root";
import { changedTables, fingerprinter } from "./fuzz/fingerprint";
import { mutations, mutate, show } from "./fuzz/hostile";
import { fuzzWorld, type FuzzWorld } from "./fuzz/world";
import { procedureInputArbitrary } from "./fuzz/zod-arbitrary";
import { db, appDb } from "./helpers";

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_203);
const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
const ONLY = process.env.FUZZ_ONLY;
const SHARED_DATABASE = Boolean(process.env.TEST_DATABASE_URL);

const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, AnyProcedure>)
  .filter(([path, procedure]) => (!ONLY || path === ONLY) && procedure._def.type !== "subscription")
  .sort(([a], [b]) => a.localeCompare(b));

function seedFor(path: string) {
  let h = SEED | 0;
  for (const c of path) h = (Math.imul(h, 31) + c.charCodeAt(0)) | 0;
  return h;
}

function call(token: string, path: string, input: unknown): Promise<unknown> {
  let target: unknown = createCaller(createLinkContext({ token }, db()));
  for (const step of path.split(".")) target = (target as Record<string, unknown>)[step];
  return (target as (input: unknown) => Promise<unknown>)(input);
}

// A world with contact A's link to the open cycle; a mutation gets a world of its own.
async function linkWorld() {
  const world = await fuzzWorld();
  const link = await issueSurveyLink(forWorkspace(appDb(), world.workspace.id), {
    memberId: world.contactA.member.id,
    cycleId: world.cycle.id,
  });
  return { world, token: link.slice(link.lastIndexOf("/") + 1) };
}
let queryWorld: Promise<{ world: FuzzWorld; token: string }> | null = null;

describe("fuzzing every procedure through a personal survey link", () => {
  it.each(procedures.map(([path, procedure]) => [path, procedure] as const))(
    "%s answers a link with success or a 4xx, and refusals change nothing",
    async (path, procedure) => {
      const { world, token } = await (procedure._def.type === "query" ? (queryWorld ??= linkWorld()) : linkWorld());
      const fingerprint = await fingerprinter(db(), world.workspace.id, { globalCounts: !SHARED_DATABASE });
      const valid = procedureInputArbitrary(procedure._def.inputs as unknown[], world.seeds);
      const input = fc.oneof(
        { weight: 1, arbitrary: valid },
        { weight: 1, arbitrary: fc.tuple(valid, mutations).map(([v, plan]) => mutate(v, plan)) },
      );
      const opens = LINK_RULES.has((procedure._def.meta as { access: Rule }).access);

      let before = await fingerprint();
      const property = fc.asyncProperty(input, async (value) => {
        const outcome = await call(token, path, value).then(
          (data) => ({ ok: true as const, data }),
          (error: unknown) => ({ ok: false as const, error }),
        );
        if (outcome.ok) {
          superjson.stringify(outcome.data);
          before = await fingerprint();
          return;
        }
        const { error } = outcome;
        if (!(error instanceof TRPCError)) throw new Error(`did not answer with a tRPC error: ${String(error)}`);
        const status = getHTTPStatusCodeFromError(error);
        if (status >= 500) throw new Error(`answered ${error.code} (${status}): ${error.message.slice(0, 300)}`);
        const changed = changedTables(before, await fingerprint());
        if (changed.length > 0)
          throw new Error(`refused with ${error.code} (${error.message.slice(0, 200)}) but changed ${changed.join(", ")}`);
      });
      const result = await fc.check(property, { seed: seedFor(path), numRuns: opens ? RUNS : Math.min(RUNS, 5), endOnFailure: true });
      if (result.failed) {
        const [value] = result.counterexample ?? [];
        const reason = result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance);
        throw new Error(
          [
            `${path}, called through a survey link with ${show(value)}`,
            `  ${reason}`,
            `  replay: FUZZ_SEED=${SEED} FUZZ_ONLY=${path} npx vitest run --project integration tests/integration/survey-link-fuzz.test.ts`,
          ].join("\n"),
        );
      }
    },
    180_000,
  );
});
