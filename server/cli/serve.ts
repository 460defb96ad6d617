// npm start: the built app on a Node HTTP server of our own instead of `next start`, so that every
// request carries its true peer address (server/http/app-server.ts). `npm run demo` and the
// browser tests start the app through this too. Options: --port N (or PORT; default 3000),
// --hostname H (default: every interface, as `next start`).
// A stop signal (Ctrl+C, SIGTERM) stops taking requests, lets those under way finish (10 s at
// most), closes the database and exits 0.
import { stopProcessJobs } from "../jobs/start";
import { disconnectDb } from "../db/client";
import { createAppServer } from "../http/app-server";

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const port = Number(option("--port") ?? process.env.PORT ?? 3000);
const hostname = option("--hostname");
const DRAIN_MS = 10_000;

async function main() {
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Not a port: ${option("--port") ?? process.env.PORT}`);
  // What `next start` does first: React and Next.js pick their production builds by this.
  Object.assign(process.env, { NODE_ENV: "production" });
  const { default: next } = await import("next");
  const app = next({ dev: false, dir: process.cwd(), hostname: hostname ?? "localhost", port });
  await app.prepare();
  const server = createAppServer(app.getRequestHandler());

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the server…`);
    const force = setTimeout(() => server.closeAllConnections(), DRAIN_MS);
    force.unref();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
    clearTimeout(force);
    await app.close().catch(() => undefined);
    // Jobs under way finish (or are left to be retried after they expire) before the database closes.
    await stopProcessJobs().catch((error: unknown) => console.error("Stopping the job queue failed:", error));
    // The app's database client lives on globalThis (server/db/client.ts): closing it here closes
    // the one the app opened, so the embedded database is left consistent.
    await disconnectDb().catch((error: unknown) => console.error("Closing the database failed:", error));
    process.exit(0);
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void stop(signal));

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, hostname, () => resolve());
  });
  console.log(`Listening on http://${hostname ?? "localhost"}:${port}`);
}

main().catch((error) => {
  console.error(`\n${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
