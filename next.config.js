// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // Bundled, PGlite cannot find its own data files ("path argument must be of type string").
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@node-rs/argon2", "pg-boss"],
  poweredByHeader: false,
  typedRoutes: false,
  // forbidden() (the 403 "no access" page, app/forbidden.tsx) still throws without this in 16.4.
  experimental: { authInterrupts: true },
};

module.exports = nextConfig;
