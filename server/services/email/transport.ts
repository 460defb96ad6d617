// The SMTP connection, from the environment. Without SMTP_HOST there is none: the outbox in the
// database is then the delivery, read by admins in the app.
import nodemailer from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import { env } from "../../env";

// All the delivery job needs; a nodemailer transporter is one.
export interface MailTransport {
  sendMail(message: { from: string; to: string; subject: string; text: string }): Promise<unknown>;
}

export const smtpConfigured = () => env.SMTP_HOST !== undefined;

export function smtpOptionsFromEnv(): SMTPTransport.Options | null {
  if (env.SMTP_HOST === undefined) return null;
  return {
    host: env.SMTP_HOST,
    port: env.SMTP_PORT,
    secure: env.SMTP_SECURE,
    auth: env.SMTP_USER ? { user: env.SMTP_USER, pass: env.SMTP_PASSWORD ?? "" } : undefined,
  };
}

// Timeouts well below the 5 minutes after which another run may take over a claimed email, so a
// hung server fails the attempt instead of leaving it claimed while another instance sends it.
export function createMailTransport(options: SMTPTransport.Options) {
  return nodemailer.createTransport({ connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000, ...options });
}

let fromEnv: MailTransport | null | undefined;

export function defaultTransport(): MailTransport | null {
  if (fromEnv === undefined) {
    const options = smtpOptionsFromEnv();
    fromEnv = options ? createMailTransport(options) : null;
  }
  return fromEnv;
}
