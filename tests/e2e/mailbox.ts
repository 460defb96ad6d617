// The browser tests' mailbox: a real SMTP server on loopback (started once by mail-sink.ts, Playwright's
// global setup) that the app sends every email to, keeping each one as a JSON file, which the
// tests read as a person reads their inbox. Where it listens and keeps the files follows E2E_PORT,
// so several test runs on one machine do not share a mailbox.
import fs from "node:fs";
import path from "node:path";
import { expect } from "@playwright/test";

const appPort = Number(process.env.E2E_PORT ?? 3100);
export const MAIL_PORT = Number(process.env.E2E_SMTP_PORT ?? appPort + 20_000);
export const MAIL_DIR = path.join(".data", `e2e-mail-${appPort}`);

export interface Mail {
  to: string[];
  subject: string;
  text: string;
  receivedAt: number;
}

function readAll(): Mail[] {
  if (!fs.existsSync(MAIL_DIR)) return [];
  return fs
    .readdirSync(MAIL_DIR)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(MAIL_DIR, f), "utf8")) as Mail);
}

// The latest email to `to` whose subject matches (or that `subject` accepts), received after
// `since` (ms), waiting for the delivery job to send it.
export async function waitForMail(to: string, subject: RegExp | ((mail: Mail) => boolean), since = 0): Promise<Mail> {
  const matches = typeof subject === "function" ? subject : (m: Mail) => subject.test(m.subject);
  let found: Mail | undefined;
  await expect
    .poll(
      () => {
        found = readAll()
          .filter((m) => m.receivedAt >= since && m.to.includes(to.toLowerCase()) && matches(m))
          .at(-1);
        return found !== undefined;
      },
      { message: `an email to ${to} about ${subject}`, timeout: 30_000 },
    )
    .toBe(true);
  return found!;
}

// The first link in an email to a path of the app (its path, query included), for page.goto.
export function linkIn(mail: Mail, pathname: string): string {
  for (const match of mail.text.matchAll(/https?:\/\/\S+/g)) {
    const url = new URL(match[0]);
    if (url.pathname === pathname) return `${url.pathname}${url.search}`;
  }
  throw new Error(`No link to ${pathname} in: ${mail.text}`);
}
