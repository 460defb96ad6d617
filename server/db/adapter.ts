// The Prisma driver adapter for the configured database: PostgreSQL through pg when
// DATABASE_URL is set, the embedded PGlite otherwise. Used by the app's client and Prisma's CLI.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { env } from "../env";
import { MAINTENANCE_SESSION_OPTIONS } from "./cross-workspace";
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

// The role the app works as on PostgreSQL: it owns nothing, and row-level security holds it to
// one workspace per transaction (prisma/migrations/20261205000000_row_level_security).
export const APP_ROLE = "ph_app";

// "app": what serves requests and runs jobs; every pooled connection switches to APP_ROLE at its
// start (the startup option `role`, the same as SET ROLE). "maintenance": operator tools that span
// workspaces (seeds, the scale generator, the benchmark's data), as the login user, crossing.
// PGlite gets neither: it is one superuser connection shared in-process by the app and those
// tools, and a superuser passes row-level security (see README, "Row-level security").
export type DbAccess = "app" | "maintenance";

export function createAdapterFor(target: DatabaseTarget, access: DbAccess = "app"): Adapter {
  if (target.databaseUrl) {
    const options = access === "app" ? `-c role=${APP_ROLE}` : MAINTENANCE_SESSION_OPTIONS;
    return { factory: new PrismaPg({ connectionString: target.databaseUrl, max: 10, options }) };
  }
  const pglite = openPglite(target.pgliteDataDir);
  return { factory: new PrismaPGlite(pglite.pglite), pglite };
}

// For prisma.config.ts.
export function createAdapter() {
  return createAdapterFor(configuredTarget()).factory;
}
