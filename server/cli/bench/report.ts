// The benchmark's targets (issue 4, on PostgreSQL) and its readable table.
import type { Timing } from "./measure";

export const PROCEDURES = ["portfolio", "scorecard", "submit"] as const;
export type ProcedureName = (typeof PROCEDURES)[number];
export type DatabaseName = "postgres" | "pglite";

export interface DatabaseResult {
  timings: Record<ProcedureName, Timing>;
  submitMix: { created: number; resubmitted: number };
}

export const TARGETS: Record<ProcedureName, { p95Ms: number; floorRatio: number | null }> = {
  portfolio: { p95Ms: 150, floorRatio: 3 },
  scorecard: { p95Ms: 50, floorRatio: 3 },
  submit: { p95Ms: 50, floorRatio: null },
};

const LABEL: Record<DatabaseName, string> = { postgres: "PostgreSQL", pglite: "PGlite" };

export function verdict(name: ProcedureName, t: Timing) {
  const target = TARGETS[name];
  const reasons: string[] = [];
  if (t.p95Ms >= target.p95Ms) reasons.push(`p95 not under ${target.p95Ms} ms`);
  if (target.floorRatio !== null && t.p95Ms > target.floorRatio * t.floorMs) reasons.push(`p95 over ${target.floorRatio}x floor`);
  return { pass: reasons.length === 0, reasons };
}

export const targetText = (name: ProcedureName) => {
  const t = TARGETS[name];
  return `p95 < ${t.p95Ms} ms${t.floorRatio === null ? "" : `, <= ${t.floorRatio}x floor`}`;
};

// One JSON object: { postgres?: {...}, pglite: {...} } with p50Ms, p95Ms and floorMs each.
export function toJson(results: Partial<Record<DatabaseName, DatabaseResult>>) {
  const out: Record<string, Record<string, { p50Ms: number; p95Ms: number; floorMs: number }>> = {};
  for (const db of ["postgres", "pglite"] as const) {
    const r = results[db];
    if (!r) continue;
    out[db] = Object.fromEntries(
      PROCEDURES.map((p) => [p, { p50Ms: r.timings[p].p50Ms, p95Ms: r.timings[p].p95Ms, floorMs: r.timings[p].floorMs }]),
    );
  }
  return JSON.stringify(out);
}

export function toTable(results: Partial<Record<DatabaseName, DatabaseResult>>) {
  const header = ["database", "procedure", "p50 ms", "p95 ms", "floor ms", "p95/floor", "target (PostgreSQL)", "result"];
  const rows: string[][] = [];
  for (const db of ["postgres", "pglite"] as const) {
    const r = results[db];
    if (!r) continue;
    for (const p of PROCEDURES) {
      const t = r.timings[p];
      const v = verdict(p, t);
      const result = db === "postgres" ? (v.pass ? "pass" : `FAIL: ${v.reasons.join("; ")}`) : "(information)";
      rows.push([
        LABEL[db],
        p,
        t.p50Ms.toFixed(1),
        t.p95Ms.toFixed(1),
        t.floorMs.toFixed(1),
        `${(t.p95Ms / t.floorMs).toFixed(1)}x`,
        targetText(p),
        result,
      ]);
    }
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const numeric = new Set([2, 3, 4, 5]);
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (numeric.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}
