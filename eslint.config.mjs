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
];

export default config;
