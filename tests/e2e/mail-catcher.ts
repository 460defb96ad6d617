// The browser tests' mail server: a real SMTP server on loopback that the app under test sends
// every email to (playwright.config.ts starts it before the app and points SMTP_HOST at it). Each
// message is written as one JSON file to E2E_MAIL_DIR, where the tests read it (mailbox.ts), as a
// person reads their inbox. Plain SMTP without STARTTLS: no certificate to make on loopback.
import fs from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

const port = Number(process.env.E2E_SMTP_PORT);
const dir = process.env.E2E_MAIL_DIR;
if (!port || !dir) throw new Error("E2E_SMTP_PORT and E2E_MAIL_DIR must be set.");

fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir, { recursive: true });
let count = 0;

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, session, callback) {
    simpleParser(stream).then(
      (mail) => {
        const message = {
          to: session.envelope.rcptTo.map((a) => a.address),
          subject: mail.subject ?? "",
          text: mail.text ?? "",
          receivedAt: new Date().toISOString(),
        };
        const name = `${String(++count).padStart(6, "0")}.json`;
        // Written whole, then renamed: a reader never sees half a message.
        fs.writeFileSync(path.join(dir, `${name}.part`), JSON.stringify(message));
        fs.renameSync(path.join(dir, `${name}.part`), path.join(dir, name));
        callback();
      },
      (error: Error) => callback(error),
    );
  },
});

server.listen(port, "127.0.0.1", () => console.log(`[mail] catching email on 127.0.0.1:${port} into ${dir}`));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.close(() => process.exit(0)));
