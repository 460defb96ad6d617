// PostgreSQL: pg_dump's custom format out, pg_restore in. The password travels in the child's
// environment (PGPASSWORD), never on its command line where `ps` would show it.
import { spawn } from "node:child_process";
import { MAINTENANCE_SESSION_OPTIONS } from "../cross-workspace";
import { BackupError } from "./errors";

const INSTALL_HINT =
  "Install PostgreSQL's client tools, of the server's major version or newer " +
  "(Debian/Ubuntu: apt-get install -y postgresql-client; elsewhere the postgresql client package).";

function connection(databaseUrl: string) {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = "";
  // Row-level security holds the tables' owner too (FORCE): the session crosses workspaces, as
  // every operator tool's does (MAINTENANCE_SESSION_OPTIONS), so the dump reads every row and the
  // restore may write them.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PGOPTIONS: [process.env.PGOPTIONS, MAINTENANCE_SESSION_OPTIONS].filter(Boolean).join(" "),
  };
  if (password) env.PGPASSWORD = password;
  return { dbname: url.toString(), env };
}

function run(tool: "pg_dump" | "pg_restore", args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") reject(new BackupError(`${tool} was not found on PATH. ${INSTALL_HINT}`));
      else reject(error);
    });
    child.on("close", (code) => {
      if (code === 0) return resolve();
      const detail = stderr.trim() || `exit code ${code}`;
      const hint = /server version mismatch|unsupported version/i.test(detail) ? `\n${INSTALL_HINT}` : "";
      reject(new BackupError(`${tool} failed:\n${detail}${hint}`));
    });
  });
}

export async function dumpPostgres(databaseUrl: string, file: string) {
  const { dbname, env } = connection(databaseUrl);
  // --enable-row-security: without it pg_dump refuses tables whose policy applies to it; the
  // session's crossing (above) makes the policy pass every row.
  await run("pg_dump", ["--format=custom", "--enable-row-security", "--file", file, "--dbname", dbname], env);
}

// One transaction, stopping at the first error: a restore that fails changes nothing.
// --no-owner and --no-privileges: the objects belong to the role that restores, and no GRANT from
// the source server is replayed, so roles that exist only there (an app role such as ph_app)
// are never needed; `npm run db:migrate`, run after every restore, sets up the app's own.
// --clean --if-exists drops what the archive holds before creating it again (a migrated but
// empty database already has the tables); the caller has checked that the database holds no
// data, or that the operator said --force.
export async function restorePostgres(databaseUrl: string, file: string) {
  const { dbname, env } = connection(databaseUrl);
  const args = ["--single-transaction", "--exit-on-error", "--no-owner", "--no-privileges", "--clean", "--if-exists"];
  await run("pg_restore", [...args, "--dbname", dbname, file], env);
}
