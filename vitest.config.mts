import path from "node:path";
import { defineConfig } from "vitest/config";

// Integration tests run on the real database: an in-memory PGlite per worker by default, or the
// PostgreSQL server at TEST_DATABASE_URL (migrated once, shared by all workers; every test builds
// its own workspace, so they do not collide).
const postgres = process.env.TEST_DATABASE_URL;

export default defineConfig({
  resolve: { alias: { "~": path.resolve(import.meta.dirname) } },
  test: {
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/integration/global-setup.ts"],
          setupFiles: ["tests/integration/setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          env: postgres
            ? { DATABASE_URL: postgres, NODE_ENV: "test" }
            : { DATABASE_URL: "", PGLITE_DATA_DIR: "memory://", NODE_ENV: "test" },
        },
      },
    ],
  },
});
