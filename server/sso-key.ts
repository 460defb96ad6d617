// The key that encrypts SSO client secrets and Slack/Teams webhook addresses (services/chat/secret.ts)
// at rest: SSO_ENCRYPTION_KEY when set (required for several app instances, and kept apart from
// database backups), otherwise one generated once and kept in .data/ beside the session secret
// (server/auth-secret.ts), fine for one machine.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "./env";

const LOCAL_KEY_FILE = path.join(".data", "sso-encryption-key");
export const SSO_KEY_BYTES = 32;

// 64 hex characters, or base64 / base64url of 32 bytes.
export function parseSsoKey(text: string): Buffer {
  const value = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(value) ? Buffer.from(value, "hex") : Buffer.from(value, "base64");
  if (key.length !== SSO_KEY_BYTES) {
    throw new Error("SSO_ENCRYPTION_KEY must be 32 bytes, written as 64 hex characters or in base64 (openssl rand -base64 32).");
  }
  return key;
}

function localKey(): string {
  if (!fs.existsSync(LOCAL_KEY_FILE)) {
    fs.mkdirSync(path.dirname(LOCAL_KEY_FILE), { recursive: true });
    // "wx": if another process wrote it first, keep theirs.
    try {
      fs.writeFileSync(LOCAL_KEY_FILE, randomBytes(SSO_KEY_BYTES).toString("base64"), { mode: 0o600, flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  return fs.readFileSync(LOCAL_KEY_FILE, "utf8");
}

let cached: Buffer | undefined;

export function ssoEncryptionKey(): Buffer {
  cached ??= parseSsoKey(env.SSO_ENCRYPTION_KEY ?? localKey());
  return cached;
}
