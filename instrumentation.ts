// Next.js calls register() once when the server starts: the background jobs start with it.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startJobTimer } = await import("./server/jobs/timer");
  startJobTimer();
}
