// npm run loadtest [-- --duration S] [-- --smoke]
// Starts a cluster (server/cli/cluster/) on PostgreSQL, signs in a pool of people over HTTP, then
// drives it through nginx with autocannon: a survey day (partner contacts opening their survey,
// saving drafts, submitting) mixed with managers and executives reading the portfolio and
// scorecards. Midway it SIGKILLs one app instance and the job worker and starts them again. Then
// it prints throughput, latency and failures, and checks the database. Exits 1 when a database
// check fails or a request fails that the kill does not explain; the speed targets are reported,
// not enforced (they depend on the machine).
// --smoke: the CI's short run (2 instances, the demo workspace, a few hundred requests).
import os from "node:os";
import { randomBytes } from "node:crypto";
import { disconnectDb } from "../db/client";
import { intFlag, parseFlags, UsageError } from "./scale/args";
import { openMigratedDb } from "./scale/database";
import { ScaleError } from "./scale/generate";
import { startCluster, requirePostgres, type Cluster } from "./cluster/cluster";
import { ClusterError } from "./cluster/nginx";
import { checkJobs, checkOutbox, checkResponses, pendingJobs } from "./loadtest/checks";
import { drive } from "./loadtest/drive";
import { printReport, type KillWindow } from "./loadtest/report";
import { floorScenario, readerScenario, writerScenario } from "./loadtest/scenarios";
import { Recorder, summarise } from "./loadtest/stats";
import { LoadTestError, loadSurvey, pickUsers, signInAll } from "./loadtest/users";
import { prepareWorkspace } from "./loadtest/workspace";

const USAGE = `Usage: npm run loadtest -- [--duration S] [--connections N] [--instances N] [--port P] [--smoke] [--skip-build]

  --duration S      seconds of mixed load (default 60; 20 with --smoke)
  --connections N   concurrent connections, three in four of them partner contacts (default 16; 6 with --smoke)
  --instances N     app instances (default 3; 2 with --smoke)
  --port P          nginx's port on 127.0.0.1 (default 8180); the instances use the next ports
  --smoke           the CI's short run on the demo workspace instead of the 2,000-partnership one
  --skip-build      use the build as it is

Needs DATABASE_URL (PostgreSQL) and nginx (installed from Debian when run as root).`;

const log = (line: string) => console.log(line);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function parseArgs(argv: string[]) {
  const { values, switches } = parseFlags(argv, {
    values: ["duration", "connections", "instances", "port"],
    switches: ["smoke", "skip-build", "help"],
  });
  const smoke = switches.has("smoke");
  return {
    help: switches.has("help"),
    smoke,
    build: !switches.has("skip-build"),
    duration: intFlag(values, "duration", smoke ? 20 : 60, 5, 600),
    connections: intFlag(values, "connections", smoke ? 6 : 16, 2, 200),
    instances: intFlag(values, "instances", smoke ? 2 : 3, 2, 8),
    port: intFlag(values, "port", 8180, 1024, 65000),
  };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) return void console.log(USAGE);
  requirePostgres();
  const loads = [{ label: "before", load: os.loadavg() }];

  const db = await openMigratedDb();
  const { slug, password } = await prepareWorkspace(db, args.smoke, log);
  const survey = await loadSurvey(db, slug);
  const writerConnections = Math.max(1, Math.round(args.connections * 0.75));
  const readerConnections = Math.max(1, args.connections - writerConnections);
  const picked = await pickUsers(db, survey, {
    // Enough people that nobody is needed by two connections at once, few enough that signing
    // them in (an argon2 hash each) stays short.
    writers: Math.max(args.smoke ? 12 : 60, writerConnections * 4),
    managers: args.smoke ? 2 : 8,
    executives: 3,
  });
  if (picked.writers.length < writerConnections * 2) {
    throw new LoadTestError(`Only ${picked.writers.length} partner contacts are asked in the open cycle: use fewer --connections.`);
  }

  log(`Starting ${args.instances} app instances, the worker and nginx…`);
  const clusterStartedAt = new Date();
  // Schedules every 20 s instead of every minute, so they fire (once each) several times in the run.
  const cluster: Cluster = await startCluster({
    instances: args.instances,
    port: args.port,
    build: args.build,
    env: { JOBS_INTERVAL_SECONDS: "20" },
    log,
  });
  let exitCode = 1;
  try {
    log(`Cluster at ${cluster.url}:\n${cluster.describe()}`);
    const signInStarted = Date.now();
    const writers = (await signInAll(cluster.url, picked.writers, password)).map((w, index) => ({ ...w, kind: "writer" as const, index }));
    const readers = (await signInAll(cluster.url, picked.readers, password)).map((r, index) => ({ ...r, kind: "reader" as const, index }));
    log(
      `Signed in ${writers.length} partner contacts and ${readers.length} managers and executives in ${((Date.now() - signInStarted) / 1000).toFixed(1)} s.`,
    );

    const floorRecorder = new Recorder();
    const floorSeconds = args.smoke ? 3 : 8;
    await drive(cluster.url, floorScenario(floorRecorder, "/icon.svg"), 8, floorSeconds, floorRecorder, floorSeconds * 2000).done;
    const floor = summarise(floorRecorder.samples, floorSeconds);
    log(`Floor: ${floor.perSecond.toFixed(0)} req/s for GET /icon.svg through nginx.`);

    const runId = randomBytes(3).toString("hex");
    const since = new Date();
    const mixed = new Recorder();
    const writing = writerScenario(survey, writers, cluster.url, runId, mixed);
    const maxRequests = args.smoke ? 700 : args.duration * 1000;
    log(
      `Mixed load for ${args.duration} s: ${writerConnections} connections of partner contacts, ${readerConnections} of managers and executives (run ${runId})…`,
    );
    const started = performance.now();
    const drives = [
      drive(cluster.url, writing.steps, writerConnections, args.duration, mixed, Math.round(maxRequests * 0.75)),
      drive(cluster.url, readerScenario(survey, readers, mixed), readerConnections, args.duration, mixed, Math.round(maxRequests * 0.25)),
    ];

    // Midway: a crash of one instance and of the worker, then both started again.
    let kill: KillWindow | null = null;
    let workerKilledAt: Date | null = null;
    const victim = cluster.instances[cluster.instances.length - 1]!;
    const restart = (async () => {
      await sleep((args.duration * 1000) / 2);
      if (mixed.samples.length >= maxRequests) return;
      kill = { at: Date.now(), ms: 2000 };
      workerKilledAt = new Date();
      await Promise.all([victim.kill(), cluster.worker.kill()]);
      log(
        `Killed ${victim.name} and the worker (SIGKILL) after ${((performance.now() - started) / 1000).toFixed(1)} s; starting them again…`,
      );
      await sleep(1000);
      await Promise.all([cluster.worker.start(), victim.start()]);
      log(`${victim.name} and the worker are back after ${((Date.now() - kill.at) / 1000).toFixed(1)} s.`);
    })();
    await Promise.all(drives.map((d) => d.done));
    const seconds = (performance.now() - started) / 1000;
    await restart;
    loads.push({ label: "after the load", load: os.loadavg() });

    // The worker catches up with what was queued (a slow machine may take a while), then the
    // database is checked.
    const drainUntil = Date.now() + (args.smoke ? 45_000 : 120_000);
    while (Date.now() < drainUntil && (await pendingJobs(db, workerKilledAt)) > 0) await sleep(1000);
    const grace = 15;
    const checks = [
      ...(await checkResponses(db, survey, writing.states, since)),
      await checkOutbox(db, since),
      await checkJobs(db, since, workerKilledAt, grace, clusterStartedAt),
    ];
    const outcome = printReport({
      mixed,
      seconds,
      floor,
      kill,
      checks,
      loads,
      targets: { perSecond: 150, p95: 300 },
    });
    if (!kill) console.log("\nThe run ended before its midpoint, so nothing was killed: raise --duration.");
    exitCode = outcome.checksFailed || outcome.unexpected > 0 || !kill ? 1 : 0;
  } finally {
    log("\nStopping the cluster…");
    await cluster.stop();
  }
  return exitCode;
}

main()
  .then(async (code) => {
    await disconnectDb();
    process.exit(code);
  })
  .catch(async (error) => {
    if (error instanceof UsageError) console.error(`${error.message}\n\n${USAGE}`);
    else if (error instanceof ClusterError || error instanceof LoadTestError || error instanceof ScaleError) console.error(error.message);
    else console.error(error);
    await disconnectDb().catch(() => undefined);
    process.exit(1);
  });
