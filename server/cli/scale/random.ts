// A seeded pseudo-random source for the scale generator: the same seed gives the same
// workspace on every machine, so benchmark figures compare like with like.
import { createHash } from "node:crypto";

export interface Random {
  // Uniform in [0, 1).
  (): number;
  int(min: number, max: number): number;
  pick<T>(list: readonly T[]): T;
  chance(p: number): boolean;
  normal(mean: number, sd: number): number;
  // k distinct items of list (k <= list.length).
  sample<T>(list: readonly T[], k: number): T[];
}

// mulberry32: tiny, fast and good enough for plausible survey data (not for secrets).
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  const next = (() => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }) as Random;
  next.int = (min, max) => min + Math.floor(next() * (max - min + 1));
  next.pick = (list) => list[Math.floor(next() * list.length)]!;
  next.chance = (p) => next() < p;
  next.normal = (mean, sd) => {
    // Box-Muller; 1 - u keeps log() away from zero.
    const u = 1 - next();
    const v = next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  next.sample = (list, k) => {
    const copy = [...list];
    for (let i = 0; i < k; i++) {
      const j = i + Math.floor(next() * (copy.length - i));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, k);
  };
  return next;
}

// A second, independent stream for a named purpose, so adding a draw in one part of the
// generator does not reshuffle every figure after it.
export const streamFor = (seed: number, purpose: string) =>
  seededRandom(createHash("sha256").update(`${seed}:${purpose}`).digest().readUInt32LE(0));

// Row ids derived from the workspace slug, the seed and a counter: deterministic for a seed, and
// distinct between two workspaces generated with the same seed.
export function idMaker(slug: string, seed: number) {
  return (kind: string, n: number | string) =>
    `sc${createHash("sha256").update(`${slug}\0${seed}\0${kind}\0${n}`).digest("hex").slice(0, 24)}`;
}

export const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
