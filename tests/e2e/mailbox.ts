// What the app under test has emailed, as the mail catcher (mail-catcher.ts) received it over SMTP.
import fs from "node:fs";
import path from "node:path";
import { expect } from "@playwright/test";

export interface Mail {
  to: string[];
  subject: string;
  text: string;
  receivedAt: string;
}

// Where playwright.config.ts tells the catcher to write.
export const mailDir = () => process.env.E2E_MAIL_DIR ?? ".data/e2e-mail";

export function receivedMail(): Mail[] {
  const dir = mailDir();
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) as Mail);
}

// The latest email to `to` that matches, waiting for the delivery job to send it.
export async function waitForMail(to: string, matches: (mail: Mail) => boolean = () => true, timeout = 60_000): Promise<Mail> {
  let found: Mail | undefined;
  await expect(async () => {
    found = receivedMail()
      .filter((m) => m.to.includes(to) && matches(m))
      .at(-1);
    expect(found, `an email to ${to}`).toBeDefined();
  }).toPass({ timeout });
  return found!;
}
