// Per worker: make sure the database is migrated, and release it when the worker ends.
import { afterAll, beforeAll } from "vitest";
import { currentPglite, disconnectDb } from "../../server/db/client";
import { migrate } from "../../server/db/migrate";
import { driverForPglite } from "../../server/db/sql-driver";

const flag = globalThis as unknown as { __phMigrated?: boolean };

beforeAll(async () => {
  const pglite = currentPglite();
  if (pglite && !flag.__phMigrated) {
    await migrate(driverForPglite(pglite));
    flag.__phMigrated = true;
  }
});

afterAll(async () => {
  // In-memory PGlite lives as long as the worker's module graph; drop it with the file.
  if (currentPglite()) {
    flag.__phMigrated = false;
    await disconnectDb();
  }
});
