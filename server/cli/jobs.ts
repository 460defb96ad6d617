// npm run jobs: one tick of every schedule, now, in this process (server/jobs/run.ts), for an
// operator who wants it done without waiting. The workers (`npm run worker`, or the app on
// PGlite) run the same work on the job queue every minute; running this beside them is safe.
// On the embedded PGlite it cannot open the database while the app does.
import { disconnectDb, getDb } from "../db/client";
import { describeRun, runJobs } from "../jobs/run";

runJobs(getDb())
  .then((result) => console.log(describeRun(result) ?? "Nothing to do."))
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => disconnectDb());
