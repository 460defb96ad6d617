// npm run seed:scale -- --partnerships N --cycles M [--workspace <slug>] [--seed <n>] [--replace]
// Generates a large workspace with realistic answers (see scale/generate.ts) in the configured
// database: PostgreSQL when DATABASE_URL is set, PGlite at PGLITE_DATA_DIR otherwise.
import { disconnectDb } from "../db/client";
import { intFlag, parseFlags, slugFlag, UsageError } from "./scale/args";
import { describeTarget, openMigratedDb } from "./scale/database";
import {
  SCALE_DEFAULTS,
  SCALE_LIMITS,
  SCALE_PASSWORD,
  ScaleError,
  defaultScaleSlug,
  generateScaleWorkspace,
  scaleEmailDomain,
  type ScaleSummary,
} from "./scale/generate";
import { progressBar } from "./scale/progress";

const USAGE = `Usage: npm run seed:scale -- [--partnerships N] [--cycles M] [--workspace SLUG] [--seed N] [--replace]

  --partnerships N   partnerships to generate (default ${SCALE_DEFAULTS.partnerships}, at most ${SCALE_LIMITS.partnerships.toLocaleString("en-US")})
  --cycles M         quarterly cycles, the last one open (default ${SCALE_DEFAULTS.cycles}, at most ${SCALE_LIMITS.cycles})
  --workspace SLUG   the workspace's address (default scale-<N>x<M>)
  --seed N           the random seed; the same seed gives the same data (default ${SCALE_DEFAULTS.seed})
  --replace          delete an existing workspace of that address first

Writes to PostgreSQL when DATABASE_URL is set, otherwise to PGlite at PGLITE_DATA_DIR (default .data/pglite).`;

export function parseScaleArgs(argv: readonly string[]) {
  const { values, switches } = parseFlags(argv, { values: ["partnerships", "cycles", "workspace", "seed"], switches: ["replace", "help"] });
  const partnerships = intFlag(values, "partnerships", SCALE_DEFAULTS.partnerships, 1, SCALE_LIMITS.partnerships);
  const cycles = intFlag(values, "cycles", SCALE_DEFAULTS.cycles, 1, SCALE_LIMITS.cycles);
  return {
    help: switches.has("help"),
    partnerships,
    cycles,
    slug: slugFlag(values, "workspace", defaultScaleSlug(partnerships, cycles)),
    seed: intFlag(values, "seed", SCALE_DEFAULTS.seed, 0, SCALE_LIMITS.seed),
    replace: switches.has("replace"),
  };
}

export function describeSummary(s: ScaleSummary) {
  const n = (v: number) => v.toLocaleString("en-US");
  return [
    `Workspace "${s.slug}" generated in ${s.seconds.toFixed(1)} s:`,
    `  ${n(s.partnerships)} partnerships with ${n(s.partnerOrgs)} partner organisations, ${n(s.users)} people`,
    `  ${n(s.cycles)} cycles (the last one open), ${n(s.participants)} participants asked`,
    `  ${n(s.responses)} responses, ${n(s.answers)} answers, ${n(s.comments)} comments, ${n(s.aggregateRows)} aggregate rows`,
    `Sign in as owner@, exec@ or manager@${scaleEmailDomain(s.slug)} with the password "${SCALE_PASSWORD}".`,
  ].join("\n");
}

async function main() {
  const args = parseScaleArgs(process.argv.slice(2));
  if (args.help) {
    console.log(USAGE);
    return;
  }
  console.error(
    `Generating ${args.partnerships} partnerships x ${args.cycles} cycles as "${args.slug}" (seed ${args.seed}) in ${describeTarget()}.`,
  );
  const db = await openMigratedDb();
  const summary = await generateScaleWorkspace(db, { ...args, progress: progressBar() });
  console.log(describeSummary(summary));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main()
    .catch((error) => {
      if (error instanceof UsageError) console.error(`${error.message}\n\n${USAGE}`);
      else if (error instanceof ScaleError) console.error(error.message);
      else console.error(error);
      process.exitCode = 1;
    })
    .finally(() => disconnectDb());
}
