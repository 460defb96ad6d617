// The environment, validated once. Everything else reads `env`, never process.env.
import { z } from "zod";

const postgresUrl = z
  .string()
  .trim()
  .refine((v) => /^postgres(ql)?:\/\//.test(v), "must be a postgresql:// URL");

// An unset variable and an empty one (`SMTP_HOST=` in a .env file) mean the same.
const optional = <T extends z.ZodType>(type: T) => z.preprocess((v) => (v === "" ? undefined : v), type);

const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  // Unset: the embedded PGlite database under PGLITE_DATA_DIR. Set: that PostgreSQL server.
  DATABASE_URL: z.preprocess((v) => (v === "" ? undefined : v), postgresUrl.optional()),
  // A folder, or "memory://" for a throwaway in-memory database (tests).
  PGLITE_DATA_DIR: z.string().default(".data/pglite"),
  NEXTAUTH_SECRET: z.string().min(16, "NEXTAUTH_SECRET must be at least 16 characters").optional(),
  NEXTAUTH_URL: z.url().optional(),
  // The public base URL for links in emails; falls back to NEXTAUTH_URL.
  APP_URL: optional(z.url().optional()),
  // Unset SMTP_HOST: no mail server; emails stay in the outbox for admins to read in the app.
  SMTP_HOST: optional(z.string().trim().min(1).optional()),
  SMTP_PORT: optional(z.coerce.number().int().min(1).max(65535).default(587)),
  SMTP_USER: optional(z.string().optional()),
  SMTP_PASSWORD: optional(z.string().optional()),
  // "true": TLS from the first byte (usually port 465); "false": STARTTLS when the server offers it.
  SMTP_SECURE: optional(z.enum(["true", "false"], "use true or false").default("false")).transform((v) => v === "true"),
  MAIL_FROM: optional(z.string().trim().min(1).default("Partnership Health <no-reply@localhost>")),
  // Proxies and load balancers in front of the app (addresses or CIDR ranges, comma-separated):
  // X-Forwarded-For is believed only through these hops (server/http/client-address.ts).
  TRUSTED_PROXIES: optional(z.string().optional()),
  // 32 bytes as 64 hex characters or base64: encrypts SSO client secrets and Slack/Teams webhook
  // addresses at rest. Unset: a key generated once and kept in .data/ (like the session secret),
  // fine for one machine.
  SSO_ENCRYPTION_KEY: optional(z.string().trim().min(32, "SSO_ENCRYPTION_KEY must be 32 bytes, as hex or base64").optional()),
  // Background work runs on the job queue (pg-boss, server/jobs/). `off`: this process only adds
  // jobs and runs none, for app instances beside a `npm run worker` process on PostgreSQL. The
  // embedded PGlite database is one process, so there the app always runs its workers.
  JOBS: optional(z.enum(["on", "off"], "use on or off").default("on")),
  // How often the schedules fire (survey schedule, reminders, renewal reviews, the email sweep).
  // Every minute by pg-boss cron; below 60 (tests, demos), a throttled tick every N seconds.
  JOBS_INTERVAL_SECONDS: optional(z.coerce.number().int().min(1).max(3600).default(60)),
  // A failed email is tried again this many times, waiting about EMAIL_RETRY_DELAY_SECONDS
  // doubled each time (1, 2, 4, 8, 16 minutes by default), then set aside for an admin to retry.
  EMAIL_RETRY_LIMIT: optional(z.coerce.number().int().min(0).max(20).default(5)),
  EMAIL_RETRY_DELAY_SECONDS: optional(z.coerce.number().int().min(1).max(3600).default(60)),
  // Calls one API token may make per minute to /api/v1 (README: REST API); past it, 429 with Retry-After.
  API_RATE_LIMIT_PER_MINUTE: optional(z.coerce.number().int().min(1).max(100_000).default(60)),
  // 1: webhooks and chat integrations may target loopback and private addresses, and plain http
  // (tests, a receiver on the same private network). Off by default: see server/services/outbound.
  WEBHOOKS_ALLOW_PRIVATE: optional(z.enum(["0", "1"], "use 0 or 1").default("0")).transform((v) => v === "1"),
  // A failed webhook delivery is tried again this many times, waiting about
  // WEBHOOK_RETRY_DELAY_SECONDS doubled each time, with jitter (30-60 s first, 9 to 17 hours in all).
  WEBHOOK_RETRY_LIMIT: optional(z.coerce.number().int().min(0).max(20).default(10)),
  WEBHOOK_RETRY_DELAY_SECONDS: optional(z.coerce.number().int().min(1).max(3600).default(30)),
  // An endpoint whose deliveries have all failed for this long is turned off and its admins told.
  WEBHOOK_DISABLE_AFTER_HOURS: optional(
    z.coerce
      .number()
      .positive()
      .max(24 * 30)
      .default(24),
  ),
});

function parse() {
  const result = schema.safeParse(process.env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return result.data;
}

export const env = parse();
export type Env = typeof env;
