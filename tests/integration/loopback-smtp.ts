// A real SMTP server on a free loopback port for a test, closed when the test ends, and a transport
// that sends to it (as tests/integration/email.test.ts does for workspace emails). Plain text on
// purpose: no certificate to make, and nodemailer sends without STARTTLS when none is offered.
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { onTestFinished } from "vitest";
import { createMailTransport } from "../../server/services/email/transport";

export interface Received {
  envelopeTo: string[];
  mail: ParsedMail;
}

export async function startLoopbackSmtp() {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
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
  // What reached one address.
  const to = (address: string) => received.filter((r) => r.envelopeTo.includes(address)).map((r) => r.mail);
  return { received, transport, to };
}
