// Opening the configured database for the scale tools: migrated first, through the same runner
// as `npm run db:migrate`, on the one PGlite handle of the process when that is the database.
// The generator writes across workspaces: it gets the maintenance client (see server/db/client.ts).
import { configuredTarget } from "../../db/adapter";
import { currentPglite, getMaintenanceDb } from "../../db/client";
import { migrate } from "../../db/migrate";
import { driverForPglite, openSqlDriver } from "../../db/sql-driver";

export function describeTarget() {
  const target = configuredTarget();
  return target.databaseUrl
    ? `PostgreSQL (${new URL(target.databaseUrl).host}${new URL(target.databaseUrl).pathname})`
    : `PGlite at ${target.pgliteDataDir}`;
}

export async function openMigratedDb() {
  const target = configuredTarget();
  if (target.databaseUrl) {
    const driver = await openSqlDriver(target);
    try {
      await migrate(driver);
    } finally {
      await driver.close();
    }
  } else {
    await migrate(driverForPglite(currentPglite()!));
  }
  return getMaintenanceDb();
}
