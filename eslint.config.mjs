import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "server/db/generated/**",
      ".data/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  {
    rules: {
      // Prisma must stay behind server/: pages and components go through tRPC.
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["**/db/generated/*", "@prisma/*"], message: "app/ talks to the database only through tRPC." }] },
      ],
    },
    files: ["app/**/*.{ts,tsx}"],
  },
  {
    rules: {
      // Services and the access module know nothing of the transport, and reach the database only
      // through the workspace-scoped client they are handed (server/db/tenant.ts).
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/trpc/*", "@trpc/*"], message: "Services and server/access know nothing of tRPC: throw server/access/errors.ts." },
            { group: ["**/db/client"], message: "Services get a scoped client from their caller; only entry points open the database." },
          ],
        },
      ],
    },
    files: ["server/services/**/*.ts", "server/access/**/*.ts"],
  },
  {
    rules: {
      // Plain SQL goes through the scoped client's tagged templates, which bind the workspace and
      // refuse a statement that does not name it (server/db/tenant.ts).
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[property.name=/^\\$(queryRaw|executeRaw|queryRawUnsafe|executeRawUnsafe)$/]",
          message: "Use db.$queryScoped / db.$executeScoped with ${WORKSPACE}: raw SQL is scoped by the client, not by hand.",
        },
      ],
    },
    files: ["server/services/**/*.ts", "server/access/**/*.ts", "server/jobs/**/*.ts"],
  },
];

export default config;
