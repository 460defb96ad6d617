// npm run jobs: one run of the background jobs (schedule, reminders, email delivery), for cron
// when the app runs on PostgreSQL with JOBS_INTERVAL_SECONDS=0. On the embedded PGlite database
// the app server runs them itself; this command cannot open the database while the app does.
import { disconnectDb, getDb } from "../db/client";
import { describeRun, runJobs } from "../jobs/run";

runJobs(getDb())
  .then((result) => console.log(describeRun(result) ?? "Nothing to do."))
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => disconnectDb());
