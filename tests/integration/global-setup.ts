// Migrates the shared PostgreSQL test database once before any worker starts. (PGlite needs
// nothing here: each worker migrates its own in-memory database in setup.ts.)
import { migrate } from "../../server/db/migrate";
import { openSqlDriver } from "../../server/db/sql-driver";

export default async function globalSetup() {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return;
  const driver = await openSqlDriver({ databaseUrl: url, pgliteDataDir: "" });
  try {
    await migrate(driver);
  } finally {
    await driver.close();
  }
}
