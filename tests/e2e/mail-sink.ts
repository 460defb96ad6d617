// Playwright's global setup: the SMTP server the app under test sends to (see mailbox.ts). Every
// message is written to MAIL_DIR as one JSON file; the teardown closes the server.
import fs from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { MAIL_DIR, MAIL_PORT } from "./mailbox";

export default async function startMailSink() {
  fs.rmSync(MAIL_DIR, { recursive: true, force: true });
  fs.mkdirSync(MAIL_DIR, { recursive: true });
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          const file = path.join(MAIL_DIR, `${Date.now()}-${String(++count).padStart(6, "0")}.json`);
          const message = {
            to: session.envelope.rcptTo.map((a) => a.address.toLowerCase()),
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            receivedAt: Date.now(),
          };
          fs.writeFileSync(file, JSON.stringify(message));
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(MAIL_PORT, "127.0.0.1", () => resolve());
  });
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
