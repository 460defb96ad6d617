// The load test's printout: throughput and latency per kind of request and overall, the floor,
// failures by kind and whether each came with the kill, and the targets.
import { countBy, summarise, type Failure, type Kind, type Recorder, type Summary } from "./stats";
import type { Check } from "./checks";

const KINDS: Kind[] = ["form", "draft", "submit", "portfolio", "scorecard", "page"];
const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(0).padStart(6) : "     -");
const row = (label: string, s: Summary) =>
  `  ${label.padEnd(11)} ${String(s.requests).padStart(7)} ${s.perSecond.toFixed(1).padStart(8)} ${ms(s.p50)} ${ms(s.p95)} ${ms(s.p99)}`;

export interface KillWindow {
  at: number;
  // Failures from `at` to `at + ms` count as cut by the kill, if they are writes (POST): nginx
  // sends idempotent requests to the next instance, so a read failing is never expected.
  ms: number;
}

export function splitFailures(failures: Failure[], kill: KillWindow | null) {
  const cut = failures.filter((f) => kill && f.method !== "GET" && f.at >= kill.at - 100 && f.at <= kill.at + kill.ms);
  const unexpected = failures.filter((f) => !cut.includes(f));
  return { cut, unexpected };
}

export function printReport(input: {
  mixed: Recorder;
  seconds: number;
  floor: Summary;
  kill: KillWindow | null;
  checks: Check[];
  loads: { label: string; load: number[] }[];
  targets: { perSecond: number; p95: number };
}) {
  const { mixed, seconds, floor, kill, checks } = input;
  const total = summarise(mixed.samples, seconds);
  const lines = [
    "",
    `Mixed load through nginx, ${seconds.toFixed(1)} s:`,
    "  kind        requests    req/s    p50    p95    p99  (ms)",
    ...KINDS.map((k) => [k, mixed.samples.filter((s) => s.kind === k)] as const)
      .filter(([, samples]) => samples.length)
      .map(([k, samples]) => row(k, summarise(samples, seconds))),
    row("all", total),
    row("floor", floor) + "  (GET /icon.svg alone through nginx, same cluster, before the mixed load)",
  ];
  const failures = mixed.failures();
  const { cut, unexpected } = splitFailures(failures, kill);
  lines.push("", `Failures: ${failures.length} of ${total.requests + mixed.noAnswer.length} requests.`);
  for (const [what, n] of countBy(cut, (f) => f.what)) lines.push(`  ${String(n).padStart(5)}  ${what} (cut by the kill)`);
  const label = (f: Failure) => `${f.what}${f.method === "?" ? "" : ` ${f.method}`}`;
  for (const [what, n] of countBy(unexpected, label)) {
    const first = Math.min(...unexpected.filter((f) => label(f) === what).map((f) => f.at));
    const when = kill ? `, the first ${((first - kill.at) / 1000).toFixed(1)} s from the kill` : "";
    lines.push(`  ${String(n).padStart(5)}  ${what} (not explained by the kill${when})`);
  }
  lines.push("", "Load average (1, 5, 15 min) on this machine, shared with other work:");
  for (const l of input.loads) lines.push(`  ${l.label.padEnd(22)} ${l.load.map((n) => n.toFixed(2)).join(", ")}`);

  lines.push("", "Database checks:");
  for (const c of checks) {
    lines.push(`  ${c.failures.length ? "FAIL" : "ok  "}  ${c.name}`);
    for (const f of c.failures.slice(0, 10)) lines.push(`          ${f}`);
    if (c.failures.length > 10) lines.push(`          … and ${c.failures.length - 10} more`);
    for (const n of c.notes) lines.push(`          ${n}`);
  }
  const t = input.targets;
  const mark = (ok: boolean) => (ok ? "met   " : "missed");
  lines.push(
    "",
    "Targets:",
    `  ${mark(total.perSecond >= t.perSecond)}  at least ${t.perSecond} req/s sustained: ${total.perSecond.toFixed(1)} (floor ${floor.perSecond.toFixed(1)})`,
    `  ${mark(total.p95 < t.p95)}  p95 under ${t.p95} ms: ${total.p95.toFixed(0)} ms`,
    `  ${mark(checks.every((c) => c.failures.length === 0))}  zero lost or doubled writes, no email twice, no job left behind`,
    `  ${mark(unexpected.length === 0)}  only requests cut by the kill failing: ${cut.length} cut, ${unexpected.length} otherwise`,
  );
  console.log(lines.join("\n"));
  return { total, unexpected: unexpected.length, checksFailed: checks.some((c) => c.failures.length > 0) };
}
