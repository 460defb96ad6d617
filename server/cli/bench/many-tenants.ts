// npm run bench -- --tenants K: a 12-partnership workspace's scorecard and portfolio, timed with
// no other small workspaces in the database (only the large benchmark workspace beside it), then
// again with K more. Same run, same machine, one after the other; medians and p95 compared.
import type { PrismaClient } from "../../db/generated/client";
import type { SqlDriver } from "../../db/sql-driver";
import type { Progress } from "../scale/progress";
import { measure, type Timing } from "./measure";
import { loadWorld, portfolioScenario, scorecardScenario } from "./scenarios";
import { PROBE, addTenantCopies, copiesCount, ensureProbe, removeTenantCopies } from "./tenants";

// The bound: with 1,000 other workspaces, within 20% of the time with none.
export const TENANT_SLOWDOWN_LIMIT = 1.2;

export interface TenantsResult {
  tenants: number;
  loadSeconds: number;
  none: { portfolio: Timing; scorecard: Timing };
  many: { portfolio: Timing; scorecard: Timing };
}

interface Options {
  // Generates the probe workspace (spanning workspaces, as the owner); the timed calls run on `db`.
  maintenance: PrismaClient;
  tenants: number;
  runs: number;
  warmup: number;
  seed: number;
  label: string;
  progress: Progress;
  log: (line: string) => void;
}

// VACUUM as well as ANALYZE after the bulk changes: otherwise autovacuum works through the
// millions of new rows while the timed calls run (seen on PostgreSQL: both timings and the SQL
// floors doubled), which measures the load, not the tenants.
async function settle(sql: SqlDriver) {
  await sql.query("VACUUM ANALYZE");
}

async function timeProbe(db: PrismaClient, sql: SqlDriver, o: Options, phase: string) {
  const world = await loadWorld(db, PROBE.slug);
  // Enough warm-up calls to have read every partnership's scorecard once, so both phases time
  // the same warm cache rather than whichever pages the previous phase left in it.
  const warmup = Math.max(o.warmup, 2 * world.partnershipIds.length);
  const total = o.runs + warmup;
  o.progress.phase(`${o.label}: portfolio, ${phase}`, total);
  const portfolio = await measure(portfolioScenario(db, sql, world), o.runs, warmup, () => o.progress.advance());
  o.progress.phase(`${o.label}: scorecard, ${phase}`, total);
  const scorecard = await measure(scorecardScenario(db, sql, world, o.seed), o.runs, warmup, () => o.progress.advance());
  o.progress.done();
  return { portfolio, scorecard };
}

export async function benchManyTenants(db: PrismaClient, sql: SqlDriver, o: Options): Promise<TenantsResult> {
  if (await ensureProbe(o.maintenance, o.seed))
    o.log(`${o.label}: made the measured workspace "${PROBE.slug}" (${PROBE.partnerships} x ${PROBE.cycles}).`);
  const probe = await db.workspace.findUniqueOrThrow({ where: { slug: PROBE.slug }, select: { id: true } });
  // "None" means none: copies left by an earlier run go first.
  await removeTenantCopies(sql, o.progress);
  await settle(sql);
  const none = await timeProbe(db, sql, o, "no other tenants");

  const started = Date.now();
  await addTenantCopies(sql, probe.id, o.tenants, o.progress);
  await settle(sql);
  const loadSeconds = (Date.now() - started) / 1000;
  o.log(`${o.label}: ${(await copiesCount(sql)).toLocaleString("en-US")} other tenants loaded in ${loadSeconds.toFixed(0)} s.`);
  const many = await timeProbe(db, sql, o, `${o.tenants} other tenants`);
  return { tenants: o.tenants, loadSeconds, none, many };
}

export function tenantsTable(label: string, r: TenantsResult) {
  const header = [
    "database",
    "procedure",
    "p50 none",
    "p50 with",
    "ratio",
    "p95 none",
    "p95 with",
    "ratio",
    "floor none",
    "floor with",
    "within 20%",
  ];
  const rows = (["portfolio", "scorecard"] as const).map((p) => {
    const a = r.none[p];
    const b = r.many[p];
    const ratio = b.p50Ms / a.p50Ms;
    return [
      label,
      p,
      a.p50Ms.toFixed(1),
      b.p50Ms.toFixed(1),
      `${ratio.toFixed(2)}x`,
      a.p95Ms.toFixed(1),
      b.p95Ms.toFixed(1),
      `${(b.p95Ms / a.p95Ms).toFixed(2)}x`,
      a.floorMs.toFixed(1),
      b.floorMs.toFixed(1),
      ratio <= TENANT_SLOWDOWN_LIMIT ? "yes (median)" : "NO (median)",
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i >= 2 && i <= 9 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}
