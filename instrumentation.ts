// Next.js calls register() once when the server starts: the job queue starts with it. On the
// embedded PGlite this process is the only one that can open the database, so it runs the
// workers; on PostgreSQL it does unless JOBS=off (beside a separate `npm run worker`).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("./server/env");
  const { startProcessJobs } = await import("./server/jobs/start");
  const workers = !env.DATABASE_URL || env.JOBS === "on";
  await startProcessJobs(workers).catch((error) => {
    console.error("[jobs] the job queue did not start:", error);
  });
}
