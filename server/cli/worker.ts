// npm run worker: the job queue's workers as a process of their own, beside app instances started
// with JOBS=off, on PostgreSQL. Any number may run: pg-boss hands each job to one of them and fires
// each schedule once. A stop signal lets jobs under way finish (10 s at most); a job cut off
// is retried by another worker once it expires (server/jobs/queues.ts).
import { disconnectDb } from "../db/client";
import { env } from "../env";
import { startProcessJobs, stopProcessJobs } from "../jobs/start";

async function main() {
  if (!env.DATABASE_URL) {
    console.error(
      "npm run worker needs PostgreSQL (DATABASE_URL). On the embedded PGlite database the app process runs the workers itself: only one process may open it.",
    );
    process.exit(1);
  }
  await startProcessJobs(true);
  console.log(`Job workers running (pid ${process.pid}); schedules every ${env.JOBS_INTERVAL_SECONDS} s. Ctrl+C stops them.`);
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the workers…`);
    await stopProcessJobs().catch((error: unknown) => console.error("Stopping the job queue failed:", error));
    await disconnectDb().catch(() => undefined);
    process.exit(0);
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void stop(signal));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
