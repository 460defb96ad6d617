// npm run bench [-- --json] [-- --partnerships N --cycles M --runs R]
// Server time of the portfolio, the scorecard and the survey submit on a large generated
// workspace, next to the plainest SQL that reads or writes the same stored figures (the floor).
// Always on PGlite (its own data directory, so the demo data is untouched); also on PostgreSQL
// when DATABASE_URL points at a server. Progress goes to stderr; stdout has only the result.
import os from "node:os";
import type { PrismaClient } from "../db/generated/client";
import { clientFor } from "../db/client";
import { createAdapterFor, type DatabaseTarget } from "../db/adapter";
import { migrate } from "../db/migrate";
import { driverForPglite, openSqlDriver, type SqlDriver } from "../db/sql-driver";
import { env } from "../env";
import { intFlag, parseFlags, UsageError } from "./scale/args";
import { SCALE_DEFAULTS, SCALE_LIMITS, ScaleError, generateScaleWorkspace, scaleWorkspaceState } from "./scale/generate";
import { progressBar } from "./scale/progress";
import { measure } from "./bench/measure";
import { toJson, toTable, type DatabaseName, type DatabaseResult } from "./bench/report";
import { BenchError, loadWorld, portfolioScenario, scorecardScenario, submitScenario } from "./bench/scenarios";
import { benchManyTenants, tenantsTable, type TenantsResult } from "./bench/many-tenants";
import { PROBE } from "./bench/tenants";

const DEFAULT_PGLITE_DIR = ".data/bench/pglite";

const USAGE = `Usage: npm run bench -- [--json] [--partnerships N] [--cycles M] [--runs R] [--warmup W] [--seed N] [--pglite-dir DIR] [--only pglite|postgres] [--tenants K]

  --json             print one JSON object on stdout instead of the table (with npm run -s, so npm
                     prints nothing else there)
  --partnerships N   size of the benchmark workspace (default ${SCALE_DEFAULTS.partnerships})
  --cycles M         its cycles (default ${SCALE_DEFAULTS.cycles})
  --runs R           timed calls per procedure (default 40), after --warmup W untimed ones (default 5)
  --seed N           the generator's seed (default ${SCALE_DEFAULTS.seed})
  --pglite-dir DIR   PGlite data directory for the benchmark (default ${DEFAULT_PGLITE_DIR})
  --only DATABASE    just one of the two (pglite, or postgres with DATABASE_URL set)
  --tenants K        instead: time a ${PROBE.partnerships}-partnership workspace's portfolio and scorecard with no other
                     small workspaces, then again with K more (copies of it) beside the benchmark workspace

The workspace bench-<N>x<M> is generated first where it is missing (once; minutes at the default size).
PGlite always; PostgreSQL too when DATABASE_URL is set.`;

export function parseBenchArgs(argv: readonly string[]) {
  const { values, switches } = parseFlags(argv, {
    values: ["partnerships", "cycles", "runs", "warmup", "seed", "pglite-dir", "only", "tenants"],
    switches: ["json", "help"],
  });
  const partnerships = intFlag(values, "partnerships", SCALE_DEFAULTS.partnerships, 1, SCALE_LIMITS.partnerships);
  const cycles = intFlag(values, "cycles", SCALE_DEFAULTS.cycles, 1, SCALE_LIMITS.cycles);
  const pgliteDir = values.get("pglite-dir") ?? DEFAULT_PGLITE_DIR;
  if (pgliteDir.startsWith("memory://"))
    throw new UsageError("--pglite-dir must be a directory: the benchmark workspace is kept between runs.");
  const only = values.get("only");
  if (only !== undefined && only !== "pglite" && only !== "postgres") throw new UsageError("--only takes pglite or postgres.");
  if (only === "postgres" && !env.DATABASE_URL) throw new UsageError("--only postgres needs DATABASE_URL set to a PostgreSQL server.");
  return {
    help: switches.has("help"),
    only: only as DatabaseName | undefined,
    json: switches.has("json"),
    partnerships,
    cycles,
    runs: intFlag(values, "runs", 40, 1, 10_000),
    warmup: intFlag(values, "warmup", 5, 0, 1_000),
    seed: intFlag(values, "seed", SCALE_DEFAULTS.seed, 0, SCALE_LIMITS.seed),
    pgliteDir,
    slug: `bench-${partnerships}x${cycles}`,
    tenants: values.has("tenants") ? intFlag(values, "tenants", 0, 1, 10_000) : null,
  };
}
type BenchArgs = ReturnType<typeof parseBenchArgs>;

const log = (line: string) => process.stderr.write(`${line}\n`);

// Per database: the app's client (what the timed procedures run on: on PostgreSQL as the app role,
// under row-level security), the maintenance client that generates the workspace, and one raw
// connection for the floor. PGlite is a single connection per process, so all three go through
// the one instance opened here.
async function openDatabase(target: DatabaseTarget) {
  const adapter = createAdapterFor(target);
  const maintenanceAdapter = adapter.pglite ? null : createAdapterFor(target, "maintenance");
  let sql: SqlDriver;
  if (adapter.pglite) {
    await adapter.pglite.pglite.waitReady;
    sql = driverForPglite(adapter.pglite.pglite);
  } else {
    sql = await openSqlDriver(target);
  }
  await migrate(sql);
  const db = clientFor(adapter);
  const maintenanceDb = maintenanceAdapter ? clientFor(maintenanceAdapter) : db;
  return {
    db,
    maintenanceDb,
    sql,
    async close() {
      await db.$disconnect();
      if (maintenanceDb !== db) await maintenanceDb.$disconnect();
      await sql.close();
      await adapter.pglite?.close();
    },
  };
}

async function ensureBenchWorkspace(db: PrismaClient, label: string, args: BenchArgs) {
  const state = await scaleWorkspaceState(db, args.slug);
  if (state === "foreign")
    throw new BenchError(`${label}: "${args.slug}" exists but was not made by the scale generator; remove it first.`);
  if (state !== "complete") {
    log(
      `${label}: ${state === "missing" ? "creating" : "re-creating the unfinished"} benchmark workspace "${args.slug}" ` +
        `(${args.partnerships} partnerships x ${args.cycles} cycles); this happens once.`,
    );
    const summary = await generateScaleWorkspace(db, {
      slug: args.slug,
      partnerships: args.partnerships,
      cycles: args.cycles,
      seed: args.seed,
      replace: state === "incomplete",
      progress: progressBar(),
    });
    log(`${label}: generated ${summary.responses.toLocaleString("en-US")} responses in ${summary.seconds.toFixed(0)} s.`);
  }
}

async function benchDatabase(name: DatabaseName, target: DatabaseTarget, args: BenchArgs): Promise<DatabaseResult> {
  const label = name === "postgres" ? "PostgreSQL" : "PGlite";
  const { db, maintenanceDb, sql, close } = await openDatabase(target);
  try {
    await ensureBenchWorkspace(maintenanceDb, label, args);
    const world = await loadWorld(db, args.slug);
    const progress = progressBar();
    const total = args.runs + args.warmup;

    progress.phase(`${label}: portfolio`, total);
    const portfolio = await measure(portfolioScenario(db, sql, world), args.runs, args.warmup, () => progress.advance());
    progress.phase(`${label}: scorecard`, total);
    const scorecard = await measure(scorecardScenario(db, sql, world, args.seed), args.runs, args.warmup, () => progress.advance());
    progress.phase(`${label}: submit`, total);
    const submit = await submitScenario(db, sql, world, args.seed);
    let timing;
    try {
      timing = await measure(submit, args.runs, args.warmup, () => progress.advance());
    } finally {
      await submit.restore();
    }
    progress.done();
    return { timings: { portfolio, scorecard, submit: timing }, submitMix: submit.mix() };
  } finally {
    await close();
  }
}

async function tenantsDatabase(name: DatabaseName, target: DatabaseTarget, args: BenchArgs, tenants: number) {
  const label = name === "postgres" ? "PostgreSQL" : "PGlite";
  const { db, maintenanceDb, sql, close } = await openDatabase(target);
  try {
    await ensureBenchWorkspace(maintenanceDb, label, args);
    return await benchManyTenants(db, sql, {
      maintenance: maintenanceDb,
      tenants,
      runs: args.runs,
      warmup: args.warmup,
      seed: args.seed,
      label,
      progress: progressBar(),
      log,
    });
  } finally {
    await close();
  }
}

async function mainTenants(args: BenchArgs, tenants: number) {
  const results: [DatabaseName, TenantsResult][] = [];
  if (args.only !== "postgres") results.push(["pglite", await tenantsDatabase("pglite", { pgliteDataDir: args.pgliteDir }, args, tenants)]);
  if (env.DATABASE_URL && args.only !== "pglite")
    results.push(["postgres", await tenantsDatabase("postgres", { databaseUrl: env.DATABASE_URL, pgliteDataDir: "" }, args, tenants)]);
  if (args.json) {
    console.log(JSON.stringify(Object.fromEntries(results)));
    return;
  }
  console.log(
    [
      `Many tenants: workspace ${PROBE.slug} (${PROBE.partnerships} partnerships x ${PROBE.cycles} cycles) with no other small workspaces, ` +
        `then with ${tenants.toLocaleString("en-US")} more, beside ${args.slug}.`,
      `${args.runs} timed calls each after ${Math.max(args.warmup, 2 * PROBE.partnerships)} warm-up calls; ${os.cpus().length} CPU cores, Node ${process.versions.node}; ${new Date().toISOString()}.`,
      "",
      ...results.map(([name, r]) => tenantsTable(name === "postgres" ? "PostgreSQL" : "PGlite", r)),
      "",
      "ratio: with / none. within 20%: the median with the tenants is at most 1.2x the median without.",
    ].join("\n"),
  );
}

async function main() {
  const args = parseBenchArgs(process.argv.slice(2));
  if (args.help) {
    console.log(USAGE);
    return;
  }
  if (args.tenants !== null) return mainTenants(args, args.tenants);
  const results: Partial<Record<DatabaseName, DatabaseResult>> = {};
  if (args.only !== "postgres") results.pglite = await benchDatabase("pglite", { pgliteDataDir: args.pgliteDir }, args);
  if (env.DATABASE_URL && args.only !== "pglite")
    results.postgres = await benchDatabase("postgres", { databaseUrl: env.DATABASE_URL, pgliteDataDir: "" }, args);

  if (args.json) {
    console.log(toJson(results));
    return;
  }
  const where = env.DATABASE_URL
    ? `PGlite (${args.pgliteDir}) and PostgreSQL (${new URL(env.DATABASE_URL).host})`
    : `PGlite (${args.pgliteDir})`;
  const mix = (results.postgres ?? results.pglite)!.submitMix;
  console.log(
    [
      `Benchmark: workspace ${args.slug} (${args.partnerships.toLocaleString("en-US")} partnerships x ${args.cycles} cycles, seed ${args.seed}) on ${where}`,
      `${args.runs} timed calls each after ${args.warmup} warm-up calls; server time through the in-process tRPC caller; ` +
        `${os.cpus().length} CPU cores, Node ${process.versions.node}.`,
      "",
      toTable(results),
      "",
      `floor: the plainest SQL for the same stored figures on the same driver (median). ` +
        `submit: ${mix.resubmitted} resubmissions of stored answers and ${mix.created} new responses (taken out again afterwards).`,
      env.DATABASE_URL ? "" : "Set DATABASE_URL to a PostgreSQL server to check the targets there.",
    ]
      .join("\n")
      .trimEnd(),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    if (error instanceof UsageError) console.error(`${error.message}\n\n${USAGE}`);
    else if (error instanceof ScaleError || error instanceof BenchError) console.error(error.message);
    else console.error(error);
    process.exitCode = 1;
  });
}
