// Prisma CLI configuration. The CLI runs on the JS engine with a driver adapter, so it needs no
// native engine binary (those are downloaded at run time, which these machines cannot do).
// Migrations are applied by `npm run db:migrate` (server/db/migrate.ts), not by the CLI.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  engine: "js",
  experimental: { adapter: true },
  async adapter() {
    const { createAdapterFor, configuredTarget } = await import("./server/db/adapter");
    // server/cli/prisma.mjs supplies a placeholder URL when none is configured; commands that
    // need a database (migrate diff) then get a throwaway in-memory PGlite.
    const target = process.env.PH_PLACEHOLDER_DATABASE_URL ? { pgliteDataDir: "memory://" } : configuredTarget();
    return createAdapterFor(target).factory;
  },
});
