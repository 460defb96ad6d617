// Timing: each run times the procedure and then its SQL floor, back to back, so both see the
// same machine load (the benchmark may share its cores with other work).
import { performance } from "node:perf_hooks";

export interface Timing {
  p50Ms: number;
  p95Ms: number;
  floorMs: number;
  runs: number;
}

// Nearest-rank percentile of already sorted samples.
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

async function timed(fn: () => Promise<unknown>) {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

const round1 = (v: number) => Math.round(v * 10) / 10;

export interface Scenario {
  // Untimed set-up of a run (choosing whom it acts as). Runs are numbered from 0; warm-up runs
  // get negative numbers.
  prepare?(run: number): Promise<void>;
  procedure(run: number): Promise<unknown>;
  floor(run: number): Promise<unknown>;
}

export async function measure(scenario: Scenario, runs: number, warmup: number, onRun: () => void = () => {}): Promise<Timing> {
  for (let i = 1; i <= warmup; i++) {
    await scenario.prepare?.(-i);
    await scenario.procedure(-i);
    await scenario.floor(-i);
  }
  const server: number[] = [];
  const floor: number[] = [];
  for (let run = 0; run < runs; run++) {
    await scenario.prepare?.(run);
    server.push(await timed(() => scenario.procedure(run)));
    floor.push(await timed(() => scenario.floor(run)));
    onRun();
  }
  server.sort((a, b) => a - b);
  floor.sort((a, b) => a - b);
  return {
    p50Ms: round1(percentile(server, 0.5)),
    p95Ms: round1(percentile(server, 0.95)),
    floorMs: round1(percentile(floor, 0.5)),
    runs,
  };
}
