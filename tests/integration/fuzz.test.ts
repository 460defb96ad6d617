// Fuzzing every procedure of the app router, found at run time (so a procedure added tomorrow is
// fuzzed tomorrow): inputs derived from each procedure's own zod schemas (fuzz/zod-arbitrary.ts)
// with real ids of a seeded world (fuzz/world.ts), mixed with hostile values (fuzz/hostile.ts),
// sent by the workspace owner, a partner contact and a signed-out visitor. Every call must
// succeed or be refused with a 4xx code, never a 5xx; a refused call must leave the database as
// it was (fuzz/fingerprint.ts); nothing may pollute Object.prototype.
//
// Reproducible: a fixed seed per procedure and a fresh world for each mutation. A failure prints
// the input, the reason and the command that replays it. FUZZ_SEED, FUZZ_RUNS and FUZZ_ONLY (a
// procedure path) adjust a run; FUZZ_VERBOSE=1 prints every call and its answer.
import { TRPCError } from "@trpc/server";
import type { AnyProcedure } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import fc from "fast-check";
import superjson from "superjson";
import { afterAll, describe, expect, it } from "vitest";
import { appRouter } from "../../server/trpc/root";
import { changedTables, fingerprinter } from "./fuzz/fingerprint";
import { mutations, mutate, show } from "./fuzz/hostile";
import { fuzzWorld, type FuzzWorld } from "./fuzz/world";
import { procedureInputArbitrary } from "./fuzz/zod-arbitrary";
import { callerFor, db } from "./helpers";

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_130);
const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
const ONLY = process.env.FUZZ_ONLY;
const VERBOSE = Boolean(process.env.FUZZ_VERBOSE);
// A call that has not answered by then is a failure too (it would hold a request forever).
const CALL_TIMEOUT_MS = 20_000;
const SHARED_DATABASE = Boolean(process.env.TEST_DATABASE_URL);

// At run time the router keeps every procedure in one flat record by path ("retro.addItem").
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, AnyProcedure>)
  .filter(([path, procedure]) => (!ONLY || path === ONLY) && procedure._def.type !== "subscription")
  .sort(([a], [b]) => a.localeCompare(b));

const totals = { procedures: 0, calls: 0, succeeded: 0, refused: 0, unchangedChecked: 0 };
const queriesThatWrote = new Map<string, Set<string>>();

// A stable number per procedure, so each has its own seed and adding one moves no other's.
function seedFor(path: string) {
  let h = SEED | 0;
  for (const c of path) h = (Math.imul(h, 31) + c.charCodeAt(0)) | 0;
  return h;
}

type Actor = "owner" | "partner contact" | "signed out";

// Calls a procedure by its path through the in-process caller, as the app's server code does.
function call(userId: string | null, path: string, input: unknown): Promise<unknown> {
  let target: unknown = callerFor(userId);
  for (const step of path.split(".")) target = (target as Record<string, unknown>)[step];
  return (target as (input: unknown) => Promise<unknown>)(input);
}

// A mutation gets a world of its own, so what earlier runs of other procedures did cannot hide
// or cause a failure, and FUZZ_ONLY replays it exactly. Queries should change nothing, so they
// share one; a query that does write is listed at the end.
let queryWorld: Promise<FuzzWorld> | null = null;
function worldFor(procedure: AnyProcedure) {
  if (procedure._def.type !== "query") return fuzzWorld();
  queryWorld ??= fuzzWorld();
  return queryWorld;
}

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${CALL_TIMEOUT_MS / 1000} s`)), CALL_TIMEOUT_MS);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

const prototypeKeys = () => Object.getOwnPropertyNames(Object.prototype).sort().join(",");

describe("fuzzing every procedure", () => {
  const cleanPrototype = prototypeKeys();

  afterAll(() => {
    console.log(
      `fuzz: ${totals.procedures} procedures, ${totals.calls} calls (${totals.succeeded} succeeded, ${totals.refused} refused with 4xx), ` +
        `${totals.unchangedChecked} refused calls checked to leave the database unchanged; seed ${SEED}, ${RUNS} runs each`,
    );
    for (const [path, tables] of queriesThatWrote) console.log(`fuzz: the query ${path} wrote to ${[...tables].join(", ")}`);
  });

  it("finds the procedures of the app router", () => {
    expect(procedures.length).toBeGreaterThan(ONLY ? 0 : 50);
  });

  it("sees any change to the workspace's rows or its people in the fingerprint", async () => {
    const world = await fuzzWorld();
    const fingerprint = await fingerprinter(db(), world.workspace.id, { globalCounts: !SHARED_DATABASE });
    const start = await fingerprint();
    expect(await fingerprint()).toEqual(start);
    await db().notification.updateMany({ where: { workspaceId: world.workspace.id }, data: { readAt: new Date() } });
    const read = await fingerprint();
    expect(changedTables(start, read)).toEqual(["Notification"]);
    await db().user.update({ where: { id: world.contactA.user.id }, data: { name: "Renamed" } });
    expect(changedTables(read, await fingerprint())).toEqual(["User:members"]);
  });

  it.each(procedures.map(([path, procedure]) => [path, procedure] as const))(
    "%s answers hostile and valid-ish input with success or a 4xx, and refusals change nothing",
    async (path, procedure) => {
      const world = await worldFor(procedure);
      const fingerprint = await fingerprinter(db(), world.workspace.id, { globalCounts: !SHARED_DATABASE });
      const users: Record<Actor, string | null> = {
        owner: world.owner.user.id,
        "partner contact": world.contactA.user.id,
        "signed out": null,
      };
      const valid = procedureInputArbitrary(procedure._def.inputs as unknown[], world.seeds);
      const input = fc.oneof(
        { weight: 1, arbitrary: valid },
        { weight: 1, arbitrary: fc.tuple(valid, mutations).map(([v, plan]) => mutate(v, plan)) },
      );
      const actor = fc.oneof(
        { weight: 5, arbitrary: fc.constant<Actor>("owner") },
        { weight: 3, arbitrary: fc.constant<Actor>("partner contact") },
        { weight: 1, arbitrary: fc.constant<Actor>("signed out") },
      );

      let before = await fingerprint();
      const property = fc.asyncProperty(actor, input, async (who, value) => {
        totals.calls++;
        if (VERBOSE) console.log(`fuzz: ${path} as ${who}: ${show(value).slice(0, 500)}`);
        const outcome = await withTimeout(call(users[who], path, value)).then(
          (data) => ({ ok: true as const, data }),
          (error: unknown) => ({ ok: false as const, error }),
        );
        if (VERBOSE)
          console.log(
            `  -> ${outcome.ok ? "ok" : outcome.error instanceof TRPCError ? `${outcome.error.code}: ${outcome.error.message.slice(0, 120)}` : String(outcome.error)}`,
          );
        if (Object.prototype.hasOwnProperty.call(Object.prototype, "polluted") || prototypeKeys() !== cleanPrototype) {
          throw new Error("Object.prototype was polluted");
        }
        if (outcome.ok) {
          totals.succeeded++;
          // What the HTTP handler would do next: an answer it cannot serialise is a 500 there.
          superjson.stringify(outcome.data);
          const after = await fingerprint();
          if (procedure._def.type === "query") {
            for (const table of changedTables(before, after))
              queriesThatWrote.set(path, (queriesThatWrote.get(path) ?? new Set()).add(table));
          }
          before = after;
          return;
        }
        const { error } = outcome;
        if (!(error instanceof TRPCError)) throw new Error(`did not answer with a tRPC error: ${String(error)}`);
        const status = getHTTPStatusCodeFromError(error);
        if (status >= 500) {
          const cause = error.cause ? `; cause: ${String(error.cause).slice(0, 500)}` : "";
          throw new Error(`answered ${error.code} (${status}): ${error.message.slice(0, 300)}${cause}`);
        }
        totals.refused++;
        const after = await fingerprint();
        const changed = changedTables(before, after);
        if (changed.length > 0)
          throw new Error(`refused with ${error.code} (${error.message.slice(0, 200)}) but changed ${changed.join(", ")}`);
        totals.unchangedChecked++;
      });

      const seed = seedFor(path);
      const result = await fc.check(property, { seed, numRuns: RUNS, endOnFailure: true });
      totals.procedures++;
      if (result.failed) {
        const [who, value] = result.counterexample ?? [];
        const reason = result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance);
        throw new Error(
          [
            `${path}, called as ${String(who)} with ${show(value)}`,
            `  ${reason}`,
            `  (run ${result.numRuns} of ${RUNS}; fast-check seed ${result.seed}, path ${result.counterexamplePath})`,
            `  replay: FUZZ_SEED=${SEED} FUZZ_ONLY=${path} npx vitest run --project integration tests/integration/fuzz.test.ts`,
          ].join("\n"),
        );
      }
    },
    180_000,
  );
});
