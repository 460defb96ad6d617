// What the load test saw: every answer's kind, status and latency, and every request that got no
// answer (a reset connection, a timeout), with the time it happened, so failures can be set
// against the moment of the kill.
export type Kind = "floor" | "form" | "draft" | "submit" | "portfolio" | "scorecard" | "page";

export interface Sample {
  kind: Kind;
  status: number;
  ms: number;
  at: number;
  method: "GET" | "POST";
}

export interface Failure {
  what: string;
  at: number;
  method: "GET" | "POST" | "?";
}

export class Recorder {
  samples: Sample[] = [];
  noAnswer: Failure[] = [];

  answer(sample: Sample) {
    this.samples.push(sample);
  }

  lost(what: string) {
    this.noAnswer.push({ what, at: Date.now(), method: "?" });
  }

  // Answers that are not 2xx, and requests without an answer.
  failures(): Failure[] {
    const bad = this.samples.filter((s) => s.status >= 400).map((s) => ({ what: `${s.status} ${s.kind}`, at: s.at, method: s.method }));
    return [...bad, ...this.noAnswer];
  }
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export interface Summary {
  requests: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
}

export function summarise(samples: readonly Sample[], seconds: number): Summary {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  return {
    requests: samples.length,
    seconds,
    perSecond: samples.length / seconds,
    p50: percentile(ms, 50),
    p95: percentile(ms, 95),
    p99: percentile(ms, 99),
  };
}

export function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const out = new Map<string, number>();
  for (const item of items) out.set(key(item), (out.get(key(item)) ?? 0) + 1);
  return new Map([...out].sort((a, b) => b[1] - a[1]));
}
