// Sealing small secrets with AES-256-GCM: SSO client secrets at rest, and the state of a sign-in
// in flight (flow.ts). A sealed value is "v1." + base64url(12-byte IV | ciphertext | 16-byte tag).
// The associated data names what the value is for (for a client secret: its workspace), so a
// ciphertext copied into another row, or a flow cookie offered as something else, does not open.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

const VERSION = "v1.";
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class SealedValueError extends Error {
  constructor() {
    super("The sealed value cannot be opened with this key.");
    this.name = "SealedValueError";
  }
}

export function seal(key: Buffer, plaintext: string, associatedData: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(associatedData, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return VERSION + Buffer.concat([iv, body, cipher.getAuthTag()]).toString("base64url");
}

export function open(key: Buffer, sealed: string, associatedData: string): string {
  if (typeof sealed !== "string" || !sealed.startsWith(VERSION)) throw new SealedValueError();
  const raw = Buffer.from(sealed.slice(VERSION.length), "base64url");
  if (raw.length < IV_BYTES + TAG_BYTES) throw new SealedValueError();
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(associatedData, "utf8"));
    decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)), decipher.final()]).toString("utf8");
  } catch {
    throw new SealedValueError();
  }
}
