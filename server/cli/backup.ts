// npm run db:backup [-- --out FILE]: a backup of the configured database. PostgreSQL
// (DATABASE_URL set): pg_dump's custom format. PGlite: its data directory as a .tar.gz (stop the
// app first: PGlite admits one process).
import { configuredTarget } from "../db/adapter";
import { BACKUP_DIR, BackupError, KIND_LABEL, backupDatabase } from "../db/backup";
import { DataDirInUseError } from "../db/pglite";
import { parseFlags, UsageError } from "./scale/args";

const USAGE = `Usage: npm run db:backup -- [--out FILE]

  --out FILE   where to write the backup (default ${BACKUP_DIR}/<kind>-<time>.dump or .tar.gz)

PostgreSQL when DATABASE_URL is set (needs pg_dump), otherwise the embedded PGlite at PGLITE_DATA_DIR.
Restore with: npm run db:restore -- FILE`;

async function main() {
  const { values, switches } = parseFlags(process.argv.slice(2), { values: ["out"], switches: ["help"] });
  if (switches.has("help")) return console.log(USAGE);
  const target = configuredTarget();
  const started = Date.now();
  const result = await backupDatabase(target, values.get("out"));
  const size = (result.bytes / 1024 / 1024).toFixed(1);
  console.log(`Backed up ${KIND_LABEL[result.kind]} to ${result.file} (${size} MB) in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

main().catch((error) => {
  if (error instanceof UsageError) console.error(`${error.message}\n\n${USAGE}`);
  else if (error instanceof BackupError || error instanceof DataDirInUseError) console.error(error.message);
  else console.error(error);
  process.exitCode = 1;
});
