// Starts this process's part of the job queue. Every process that writes (app instances, the
// worker) gets a pg-boss instance to add jobs with, and listens for services' nudges
// (server/services/background.ts); a process with workers also runs the schedules and the jobs.
// On PGlite the app process is the only one, so it always runs the workers; on PostgreSQL,
// `npm run worker` runs them and app instances may start with JOBS=off.
import type PgBoss from "pg-boss";
import type { PrismaClient } from "../db/generated/client";
import { getDb } from "../db/client";
import { env } from "../env";
import { listenForBackgroundWork } from "../services/background";
import type { MailTransport } from "../services/email/transport";
import { createBoss } from "./boss";
import { queueDefinitions, tickQueue, WORKSPACE_WORK, type EmailRetry } from "./queues";
import { startWorkers } from "./workers";

export interface JobsOptions {
  workers: boolean;
  db?: PrismaClient;
  schema?: string;
  connectionString?: string;
  transport?: () => MailTransport | null;
  email?: EmailRetry;
  chat?: EmailRetry;
  webhook?: EmailRetry & { disableAfterMs?: number };
  intervalSeconds?: number;
  log?: (line: string) => void;
}

export interface Jobs {
  boss: PgBoss;
  // Queues this tick of every schedule now (tests; the fast ticks below).
  tick(): Promise<void>;
  stop(): Promise<void>;
}

const TICKS = [tickQueue("sweep"), ...WORKSPACE_WORK.map((w) => tickQueue(w))];

// createQueue leaves an existing queue as it was; updateQueue then applies today's retry policy.
async function ensureQueues(boss: PgBoss, email?: EmailRetry, chat?: EmailRetry, webhook?: EmailRetry) {
  for (const queue of queueDefinitions(email, chat, webhook)) {
    await boss.createQueue(queue.name, queue);
    await boss.updateQueue(queue.name, queue);
  }
}

export async function startJobs(options: JobsOptions): Promise<Jobs> {
  const db = options.db ?? getDb();
  const interval = options.intervalSeconds ?? env.JOBS_INTERVAL_SECONDS;
  const boss = createBoss({ supervise: options.workers, schema: options.schema, connectionString: options.connectionString });
  boss.on("error", (error) => console.error("[jobs]", error));
  await boss.start();
  await ensureQueues(boss, options.email, options.chat, options.webhook);

  // Once per slot of `interval` seconds, however many processes ask: pg-boss keeps one job per
  // queue, slot and key (its throttling index), as its own cron does per minute.
  const tick = async () => {
    for (const name of TICKS) await boss.send(name, {}, { singletonKey: "tick", singletonSeconds: interval });
  };
  let timer: NodeJS.Timeout | undefined;
  if (options.workers) {
    await startWorkers(boss, {
      db,
      transport: options.transport,
      // Each queue's worker asks for work this often: on PGlite every ask shares the one connection.
      pollingIntervalSeconds: interval < 60 ? 1 : 2,
      log: options.log,
      webhookDisableAfterMs: options.webhook?.disableAfterMs,
    });
    const minutes = Math.max(1, Math.round(interval / 60));
    for (const name of TICKS) await boss.schedule(name, minutes === 1 ? "* * * * *" : `*/${minutes} * * * *`);
    // Faster than cron's minute (tests, demos): the worker processes send the ticks themselves.
    if (interval < 60) {
      timer = setInterval(() => void tick().catch((error) => console.error("[jobs] tick failed:", error)), interval * 1000);
      timer.unref();
    }
  }

  // A nudge queues a sweep now, or in the next second when one is already queued for this one.
  listenForBackgroundWork(() => {
    boss.sendDebounced(tickQueue("sweep"), {}, {}, 1).catch((error) => console.error("[jobs] could not queue a sweep:", error));
  });

  return {
    boss,
    tick,
    async stop() {
      listenForBackgroundWork(null);
      if (timer) clearInterval(timer);
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}

// The process's own, started once (the app server's instrumentation, the worker command).
const holder = globalThis as unknown as { __phJobs?: Promise<Jobs> };

export function startProcessJobs(workers: boolean): Promise<Jobs> {
  holder.__phJobs ??= startJobs({ workers });
  return holder.__phJobs;
}

export async function stopProcessJobs(): Promise<void> {
  const jobs = holder.__phJobs;
  holder.__phJobs = undefined;
  if (jobs) await (await jobs).stop();
}
