// npm run bench:import [-- --rows N]
// Times imports the size the issue asks for (10,000 rows): partner organisations, then
// partnerships naming them with owners and host teams, then people (each one invited), each
// read from a CSV file, planned (the preview) and written (the confirm), through the same service
// the page uses. Prints the machine's load beside the figures: a shared machine slows everything.
// On a fresh in-memory PGlite unless DATABASE_URL names a PostgreSQL server (migrated; the
// benchmark adds its own workspace there, and leaves it).
import os from "node:os";
import { performance } from "node:perf_hooks";

const rows = (() => {
  const i = process.argv.indexOf("--rows");
  const n = i >= 0 ? Number(process.argv[i + 1]) : 10_000;
  if (!Number.isInteger(n) || n < 1 || n > 20_000) throw new Error("--rows takes a whole number from 1 to 20000.");
  return n;
})();

// Before any module reads the environment: the demo's data directory is never touched.
if (!process.env.DATABASE_URL) process.env.PGLITE_DATA_DIR = "memory://";

const log = (line: string) => process.stderr.write(`${line}\n`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" / ");

async function main() {
  const { addMember, createWorkspaceWithOwner } = await import("../../prisma/factories");
  const { currentPglite, disconnectDb, getDb, getMaintenanceDb } = await import("../db/client");
  const { migrate } = await import("../db/migrate");
  const { driverForPglite } = await import("../db/sql-driver");
  const { memberContext } = await import("../access/member-context");
  const { csvLines } = await import("../services/csv/write");
  const { readImportFile } = await import("../services/import/read-file");
  const { mappingFor, previewImport, confirmImport } = await import("../services/import/index");

  const pglite = currentPglite();
  if (pglite) await migrate(driverForPglite(pglite));
  const database = pglite ? "PGlite (in memory)" : "PostgreSQL (DATABASE_URL)";
  const maintenance = getMaintenanceDb();
  const { workspace, user } = await createWorkspaceWithOwner(maintenance);
  const managers = await Promise.all(Array.from({ length: 20 }, () => addMember(maintenance, workspace.id, { role: "MANAGER" })));
  const ctx = (await memberContext(getDb(), user.id, workspace.slug))!;

  const orgName = (i: number) => `Partner ${String(i).padStart(5, "0")}`;
  const files = {
    partnerOrgs: csvLines([
      ["name", "region", "industry", "website"],
      ...Array.from({ length: rows }, (_, i) => [orgName(i), ["EMEA", "APAC", "NA"][i % 3]!, "Software", `https://p${i}.example`]),
    ]),
    partnerships: csvLines([
      ["name", "partner", "tier", "phase", "owner email", "renewal date", "host team emails"],
      ...Array.from({ length: rows }, (_, i) => [
        `${orgName(i)} Alliance`,
        orgName(i),
        ["Strategic", "Core", "Emerging"][i % 3]!,
        "Active",
        managers[i % managers.length]!.user.email,
        `2027-${String((i % 12) + 1).padStart(2, "0")}-15`,
        `${managers[(i + 1) % managers.length]!.user.email}; ${managers[(i + 2) % managers.length]!.user.email}`,
      ]),
    ]),
    people: csvLines([
      ["email", "name", "role", "partner organisation"],
      ...Array.from({ length: rows }, (_, i) => [`contact${i}@p${i}.example`, `Contact ${i}`, "Partner contact", orgName(i)]),
    ]),
  };

  log(`Import benchmark: ${rows.toLocaleString("en")} rows per file on ${database}; ${os.cpus().length} cores.`);
  const results: string[] = [];
  for (const kind of ["partnerOrgs", "partnerships", "people"] as const) {
    const bytes = new TextEncoder().encode("\uFEFF" + files[kind]);
    const loadBefore = load();
    const t0 = performance.now();
    const table = await readImportFile(bytes, `${kind}.csv`);
    const { mapping } = await mappingFor(ctx, kind, table.headers);
    const t1 = performance.now();
    const preview = await previewImport(ctx, { kind, table, mapping });
    const t2 = performance.now();
    let lastShown = -1;
    const summary = await confirmImport(ctx, { kind, table, mapping, onlyValid: false }, (done, total) => {
      const tenth = Math.floor((done / Math.max(total, 1)) * 10);
      if (tenth !== lastShown) {
        lastShown = tenth;
        log(`  ${kind}: ${done.toLocaleString("en")} of ${total.toLocaleString("en")} written`);
      }
    });
    const t3 = performance.now();
    if (preview.counts.error || summary.counts.create !== rows)
      throw new Error(`${kind}: expected ${rows} rows created, got ${JSON.stringify(summary.counts)}`);
    results.push(
      `${kind.padEnd(13)} ${(bytes.byteLength / 1024 / 1024).toFixed(1).padStart(5)} MB  read ${seconds(t1 - t0).padStart(8)}  preview ${seconds(t2 - t1).padStart(8)}  confirm ${seconds(t3 - t2).padStart(8)}  total ${seconds(t3 - t0).padStart(8)}  load before ${loadBefore}, after ${load()}`,
    );
  }
  console.log(`${rows.toLocaleString("en")}-row imports on ${database}, ${os.cpus().length} cores (load averages: 1 / 5 / 15 min)`);
  for (const line of results) console.log(line);
  await disconnectDb();
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
