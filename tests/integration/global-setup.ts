// Before any worker starts: migrate the shared PostgreSQL test database once; or, on PGlite, make
// the migrated database every test file's in-memory database starts from (PGLITE_TEMPLATE, set
// in vitest.config.ts), so each file loads it instead of running initdb and every migration.
import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { migrate } from "../../server/db/migrate";
import { driverForPglite, openSqlDriver } from "../../server/db/sql-driver";

export default async function globalSetup() {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const driver = await openSqlDriver({ databaseUrl: url, pgliteDataDir: "" });
    try {
      await migrate(driver);
    } finally {
      await driver.close();
    }
    return;
  }
  const template = process.env.PGLITE_TEMPLATE;
  if (!template) return;
  const pglite = new PGlite("memory://");
  try {
    await migrate(driverForPglite(pglite));
    const dump = await pglite.dumpDataDir("none");
    fs.writeFileSync(template, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await pglite.close();
  }
  return () => fs.rmSync(template, { force: true });
}
