// npm run cluster -- --instances N [--port P] [--skip-build]
// Several app instances and one job worker on one PostgreSQL database (DATABASE_URL), behind
// Debian's nginx on 127.0.0.1:P (default 8080; the instances take the next N ports). Migrates and
// builds first when needed. Ctrl+C or SIGTERM stops nginx, the instances and the worker.
import { intFlag, parseFlags, UsageError } from "./scale/args";
import { startCluster, type Cluster } from "./cluster/cluster";
import { ClusterError } from "./cluster/nginx";

const USAGE = `Usage: npm run cluster -- [--instances N] [--port P] [--skip-build]

  --instances N   app instances (default 3)
  --port P        nginx's port on 127.0.0.1 (default 8080); the instances use P+1 to P+N
  --skip-build    start the build as it is, even if sources are newer

Needs DATABASE_URL (PostgreSQL). nginx comes from Debian: installed with apt-get when run as root.`;

async function main() {
  const { values, switches } = parseFlags(process.argv.slice(2), { values: ["instances", "port"], switches: ["skip-build", "help"] });
  if (switches.has("help")) {
    console.log(USAGE);
    return;
  }
  const instances = intFlag(values, "instances", 3, 1, 16);
  const port = intFlag(values, "port", 8080, 1, 65535 - instances);

  let cluster: Cluster | null = null;
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping nginx, the instances and the worker…`);
    await cluster?.stop();
    process.exit(0);
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void stop(signal));

  cluster = await startCluster({ instances, port, build: !switches.has("skip-build") });
  console.log(`\nThe cluster is running at ${cluster.url}\n\n${cluster.describe()}\n\nPress Ctrl+C to stop.\n`);
  // A part that dies on its own is said at once; the rest keep serving.
  for (const part of [...cluster.instances, cluster.worker]) {
    const pid = part.pid();
    const watch = setInterval(() => {
      if (!stopping && !part.running()) {
        console.error(`${part.name} (pid ${pid}) stopped on its own; see ${part.logFile}.`);
        clearInterval(watch);
      }
    }, 2000);
  }
  cluster.nginx.process.once("exit", (code) => {
    if (!stopping) {
      console.error(`nginx stopped on its own (exit ${code}); stopping the cluster.`);
      void stop("SIGTERM");
    }
  });
}

main().catch((error) => {
  if (error instanceof UsageError) console.error(`${error.message}\n\n${USAGE}`);
  else console.error(error instanceof ClusterError ? error.message : error);
  process.exit(1);
});
