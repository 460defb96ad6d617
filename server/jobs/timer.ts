// Runs the background jobs inside the app server every JOBS_INTERVAL_SECONDS (default 60; 0
// turns it off, e.g. when cron runs `npm run jobs` instead). In-process on purpose: the embedded
// PGlite database can be opened by one process only, so no separate worker could reach it.
import { getDb } from "../db/client";
import { env } from "../env";
import { describeRun, runJobs } from "./run";

const state = globalThis as unknown as { __phJobTimer?: NodeJS.Timeout };

export function startJobTimer() {
  const seconds = env.JOBS_INTERVAL_SECONDS;
  if (seconds === 0 || state.__phJobTimer) return;
  let running = false;
  const tick = async () => {
    // A slow run is never overlapped by the next one in the same process.
    if (running) return;
    running = true;
    try {
      const summary = describeRun(await runJobs(getDb()));
      if (summary) console.info(`[jobs] ${summary}`);
    } catch (error) {
      console.error("[jobs] run failed:", error);
    } finally {
      running = false;
    }
  };
  state.__phJobTimer = setInterval(tick, seconds * 1000);
  state.__phJobTimer.unref();
  setTimeout(tick, 1000).unref();
}
