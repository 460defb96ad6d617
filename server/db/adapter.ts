// The Prisma driver adapter for the configured database: PostgreSQL through pg when
// DATABASE_URL is set, the embedded PGlite otherwise. Used by the app's client and Prisma's CLI.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { env } from "../env";
import { openPglite, type OpenedPglite } from "./pglite";

export interface DatabaseTarget {
  databaseUrl?: string;
  pgliteDataDir: string;
}

export const configuredTarget = (): DatabaseTarget => ({
  databaseUrl: env.DATABASE_URL,
  pgliteDataDir: env.PGLITE_DATA_DIR,
});

export interface Adapter {
  factory: PrismaPg | PrismaPGlite;
  // Set for PGlite, whose handle (and lock) the owner must release.
  pglite?: OpenedPglite;
}

export function createAdapterFor(target: DatabaseTarget): Adapter {
  if (target.databaseUrl) {
    return { factory: new PrismaPg({ connectionString: target.databaseUrl, max: 10 }) };
  }
  const pglite = openPglite(target.pgliteDataDir);
  return { factory: new PrismaPGlite(pglite.pglite), pglite };
}

// For prisma.config.ts.
export function createAdapter() {
  return createAdapterFor(configuredTarget()).factory;
}
