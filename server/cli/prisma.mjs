// Runs the Prisma CLI offline. The schema reads env("DATABASE_URL"); when it is unset (the
// embedded PGlite default) the CLI cannot parse the schema and falls back to a native engine it
// would download, so a syntactically valid placeholder is supplied. Nothing connects to it.
import { spawnSync } from "node:child_process";

const env = { ...process.env };
if (!env.DATABASE_URL) {
  env.DATABASE_URL = "postgresql://placeholder:placeholder@127.0.0.1:5432/placeholder";
  env.PH_PLACEHOLDER_DATABASE_URL = "1";
}
env.PRISMA_HIDE_UPDATE_MESSAGE = "1";
const result = spawnSync("prisma", process.argv.slice(2), { stdio: "inherit", env, shell: process.platform === "win32" });
process.exit(result.status ?? 1);
