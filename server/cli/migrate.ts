// npm run db:migrate: applies pending migrations to the configured database.
import { migrate } from "../db/migrate";
import { openSqlDriver } from "../db/sql-driver";
import { configuredTarget } from "../db/adapter";

async function main() {
  const target = configuredTarget();
  const where = target.databaseUrl ? "PostgreSQL (DATABASE_URL)" : `PGlite at ${target.pgliteDataDir}`;
  const driver = await openSqlDriver(target);
  try {
    const result = await migrate(driver);
    for (const warning of result.warnings) console.warn(`warning: ${warning}`);
    for (const name of result.applied) console.log(`applied ${name}`);
    console.log(
      result.applied.length
        ? `Migrated ${where}: ${result.applied.length} applied, ${result.skipped.length} already there.`
        : `${where} is up to date (${result.skipped.length} migrations).`,
    );
  } finally {
    await driver.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
