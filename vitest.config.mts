import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

// Integration tests run on the real database: an in-memory PGlite per test file by default, or the
// PostgreSQL server at TEST_DATABASE_URL (migrated once, shared by all workers; every test builds
// its own workspace, so they do not collide).
const postgres = process.env.TEST_DATABASE_URL;
// The migrated PGlite database each test file starts from, made by the global setup (which reads
// it from this process's environment) for this run alone.
const pgliteTemplate = path.join(os.tmpdir(), `ph-test-pglite-${process.pid}.tar`);
if (!postgres) process.env.PGLITE_TEMPLATE = pgliteTemplate;

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
            : { DATABASE_URL: "", PGLITE_DATA_DIR: "memory://", PGLITE_TEMPLATE: pgliteTemplate, NODE_ENV: "test" },
        },
      },
    ],
  },
});
