// A real SMTP server on a free loopback port, closed when the test ends, and a transport to it:
// messages are parsed with mailparser, as a mail client would read them. Plain text on purpose (no
// certificate to make; nodemailer sends without STARTTLS when the server offers none).
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { onTestFinished } from "vitest";
import { createMailTransport } from "../../server/services/email/transport";

export interface Received {
  envelopeTo: string[];
  mail: ParsedMail;
}

export async function startSmtp() {
  const received: Received[] = [];
  // Set refuseRecipients to make the server answer 550 to every recipient (a delivery that fails).
  const control = { refuseRecipients: false };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (!control.refuseRecipients) return callback();
      callback(Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 }));
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          received.push({ envelopeTo: session.envelope.rcptTo.map((a) => a.address), mail });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const { port } = server.server.address() as AddressInfo;
  const transport = createMailTransport({ host: "127.0.0.1", port, secure: false, tls: { rejectUnauthorized: false } });
  const to = (address: string) => received.filter((r) => r.envelopeTo.includes(address)).map((r) => r.mail);
  return { received, control, transport, to };
}
