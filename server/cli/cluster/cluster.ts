// A cluster on one machine: N app instances and one job worker on one PostgreSQL database, behind
// nginx. Used by `npm run cluster` and by the load test, which kills and restarts its parts.
import fs from "node:fs";
import path from "node:path";
import { configuredTarget } from "../../db/adapter";
import { migrate } from "../../db/migrate";
import { openSqlDriver } from "../../db/sql-driver";
import { authSecret } from "../../auth-secret";
import { buildIfStale } from "../build";
import { ClusterError, ensureNginx, startNginx, writeNginxConfig, type Nginx } from "./nginx";
import { appInstance, jobWorker, portIsFree, type ManagedProcess } from "./processes";

export const CLUSTER_DIR = path.join(".data", "cluster");

export interface ClusterOptions {
  instances: number;
  // nginx's port; the instances take the ports after it.
  port: number;
  build: boolean;
  // Extra environment for every process (the load test's faster job ticks).
  env?: Record<string, string>;
  log?: (line: string) => void;
}

export interface Cluster {
  url: string;
  databaseUrl: string;
  instances: ManagedProcess[];
  worker: ManagedProcess;
  nginx: Nginx;
  describe(): string;
  stop(): Promise<void>;
}

export function requirePostgres(): string {
  const { databaseUrl } = configuredTarget();
  if (!databaseUrl) {
    throw new ClusterError(
      "The cluster needs PostgreSQL: set DATABASE_URL to a postgresql:// URL. The embedded PGlite database is " +
        "one process only, so several app instances cannot share it.",
    );
  }
  return databaseUrl;
}

async function migrateDatabase(log: (line: string) => void) {
  const driver = await openSqlDriver(configuredTarget());
  try {
    const { applied } = await migrate(driver);
    log(applied.length ? `Applied ${applied.length} migration(s).` : "Migrations are up to date.");
  } finally {
    await driver.close();
  }
}

export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const log = options.log ?? ((line: string) => console.log(line));
  const databaseUrl = requirePostgres();
  if (!Number.isInteger(options.instances) || options.instances < 1 || options.instances > 16) {
    throw new ClusterError("--instances takes a number from 1 to 16.");
  }
  const ports = Array.from({ length: options.instances }, (_, i) => options.port + 1 + i);
  for (const p of [options.port, ...ports]) {
    if (!Number.isInteger(p) || p < 1 || p > 65535) throw new ClusterError(`Port ${p} is not a port; choose another --port.`);
    if (!(await portIsFree(p))) {
      throw new ClusterError(
        `Port ${p} is in use (the cluster needs ${options.port}-${options.port + options.instances}); choose another --port.`,
      );
    }
  }
  const nginxBinary = ensureNginx(log);
  await migrateDatabase(log);
  if (options.build) buildIfStale();

  const url = `http://127.0.0.1:${options.port}`;
  fs.mkdirSync(CLUSTER_DIR, { recursive: true });
  const logDir = path.join(CLUSTER_DIR, "logs");
  // Every instance signs and reads session cookies with the same secret, and names the address
  // people use (nginx's) as its own; only nginx's X-Forwarded-* headers are believed.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: authSecret(),
    NEXTAUTH_URL: url,
    TRUSTED_PROXIES: "127.0.0.1",
    NEXT_TELEMETRY_DISABLED: "1",
    ...options.env,
  };
  const instances = ports.map((p, i) => appInstance(i + 1, p, { ...env, JOBS: "off" }, logDir));
  const worker = jobWorker({ ...env, JOBS: "on" }, logDir);
  let nginx: Nginx | null = null;

  const stop = async () => {
    await nginx?.stop();
    await Promise.all([...instances.map((i) => i.stop()), worker.stop()]);
  };
  try {
    // One at a time: several Next.js servers warming up at once on a small machine each take
    // longer than all of them in a row.
    for (const instance of instances) await instance.start();
    await worker.start();
    const config = { prefix: CLUSTER_DIR, port: options.port, upstreams: ports };
    nginx = startNginx(nginxBinary, config, writeNginxConfig(config));
    await waitForNginx(url, nginx);
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    url,
    databaseUrl,
    instances,
    worker,
    nginx,
    stop,
    describe() {
      const rows = [
        `nginx       pid ${nginx!.process.pid}  ${url}  (config ${path.join(CLUSTER_DIR, "nginx.conf")})`,
        ...instances.map((i, n) => `${i.name.padEnd(11)} pid ${i.pid()}  http://127.0.0.1:${ports[n]}  (log ${i.logFile})`),
        `${worker.name.padEnd(11)} pid ${worker.pid()}  (log ${worker.logFile})`,
      ];
      return rows.join("\n");
    },
  };
}

async function waitForNginx(url: string, nginx: Nginx) {
  for (let i = 0; i < 50; i++) {
    if (nginx.process.exitCode !== null) throw new ClusterError(`nginx stopped; see ${path.join(CLUSTER_DIR, "logs", "error.log")}.`);
    try {
      const res = await fetch(`${url}/signin`, { redirect: "manual" });
      if (res.status < 500) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new ClusterError(`nginx did not answer at ${url}; see ${path.join(CLUSTER_DIR, "logs", "error.log")}.`);
}
