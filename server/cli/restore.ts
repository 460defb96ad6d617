// npm run db:restore -- FILE [--force]: restores a backup made by db:backup into the configured
// database, then applies any newer migrations. Refuses a database that holds data unless --force.
import { configuredTarget } from "../db/adapter";
import { BackupError, KIND_LABEL, restoreDatabase } from "../db/backup";
import { DataDirInUseError } from "../db/pglite";
import { parseFlags, UsageError } from "./scale/args";

const USAGE = `Usage: npm run db:restore -- FILE [--force]

  FILE      a backup made by npm run db:backup (of the same kind of database)
  --force   replace a database that holds data (PGlite: the old data directory is moved aside, not deleted)

PostgreSQL when DATABASE_URL is set (needs pg_restore; the database must exist), otherwise the
embedded PGlite at PGLITE_DATA_DIR (stop the app first). Newer migrations are applied afterwards.`;

export function parseRestoreArgs(argv: readonly string[]) {
  const files = argv.filter((a) => a !== "--" && !a.startsWith("--"));
  const flags = argv.filter((a) => a.startsWith("--"));
  const { switches } = parseFlags(flags, { values: [], switches: ["force", "help"] });
  if (switches.has("help")) return { help: true as const };
  if (files.length !== 1) throw new UsageError(files.length === 0 ? "Name the backup file to restore." : "Name one backup file.");
  return { help: false as const, file: files[0]!, force: switches.has("force") };
}

async function main() {
  const args = parseRestoreArgs(process.argv.slice(2));
  if (args.help) return console.log(USAGE);
  const started = Date.now();
  const result = await restoreDatabase(configuredTarget(), args.file, { force: args.force });
  const lines = [`Restored ${args.file} into ${KIND_LABEL[result.kind]} in ${((Date.now() - started) / 1000).toFixed(1)} s.`];
  if (result.replaced.length) lines.push(`It replaced data in ${result.replaced.length} tables (--force).`);
  if (result.previous) lines.push(`The data directory that was there is kept at ${result.previous}; delete it once you are sure.`);
  lines.push(
    result.migrated.applied.length
      ? `Applied ${result.migrated.applied.length} migrations newer than the backup: ${result.migrated.applied.join(", ")}.`
      : "Its schema is up to date.",
  );
  console.log(lines.join("\n"));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    if (error instanceof UsageError) console.error(`${error.message}\n\n${USAGE}`);
    else if (error instanceof BackupError || error instanceof DataDirInUseError) console.error(error.message);
    else console.error(error);
    process.exitCode = 1;
  });
}
