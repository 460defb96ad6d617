// The workspace the load test drives: the 2,000-partnership benchmark workspace (made by the scale
// generator when missing, as `npm run bench` does), or the demo workspace for the smoke run.
import { DEMO_PASSWORD, DEMO_SLUG } from "../../../prisma/demo";
import type { PrismaClient } from "../../db/generated/client";
import { SCALE_DEFAULTS, SCALE_PASSWORD, generateScaleWorkspace, scaleWorkspaceState } from "../scale/generate";
import { progressBar } from "../scale/progress";
import { seedIfMissing } from "../seed";
import { LoadTestError } from "./users";

export const BENCH_SLUG = `bench-${SCALE_DEFAULTS.partnerships}x${SCALE_DEFAULTS.cycles}`;

export async function prepareWorkspace(db: PrismaClient, smoke: boolean, log: (line: string) => void) {
  if (smoke) {
    if (!(await seedIfMissing())) log(`Demo workspace "${DEMO_SLUG}" found; reusing it.`);
    return { slug: DEMO_SLUG, password: DEMO_PASSWORD };
  }
  const state = await scaleWorkspaceState(db, BENCH_SLUG);
  if (state === "foreign") throw new LoadTestError(`"${BENCH_SLUG}" exists but was not made by the scale generator; remove it first.`);
  if (state !== "complete") {
    log(
      `Creating the benchmark workspace "${BENCH_SLUG}" (${SCALE_DEFAULTS.partnerships} partnerships x ${SCALE_DEFAULTS.cycles} cycles); this happens once.`,
    );
    await generateScaleWorkspace(db, { slug: BENCH_SLUG, ...SCALE_DEFAULTS, replace: state === "incomplete", progress: progressBar() });
  }
  return { slug: BENCH_SLUG, password: SCALE_PASSWORD };
}
