// An endpoint's signing secret: `whsec_` + base64 of 32 random bytes (the Standard Webhooks
// format), shown to the admin once and sealed at rest with the app's encryption key (the one
// that seals SSO client secrets), bound to its workspace so a sealed secret copied into another
// row does not open.
import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { ssoEncryptionKey } from "../../sso-key";
import { open, seal } from "../sso/secret-box";

export const SECRET_PREFIX = "whsec_";
// After a rotation the old secret signs too, for this long, so receivers can switch over.
export const ROTATION_OVERLAP_MS = 24 * 60 * 60 * 1000;

export const newWebhookSecret = () => `${SECRET_PREFIX}${randomBytes(32).toString("base64")}`;

const purpose = (workspaceId: string) => `webhook-secret:${workspaceId}`;
export const sealSecret = (workspaceId: string, secret: string) => seal(ssoEncryptionKey(), secret, purpose(workspaceId));
export const openSecret = (workspaceId: string, sealed: string) => open(ssoEncryptionKey(), sealed, purpose(workspaceId));

// The three Standard Webhooks headers for one try. The signature header lists one `v1,<base64>`
// per live secret, space-separated, as the scheme allows during a rotation.
export function signedHeaders(messageId: string, at: Date, body: string, secrets: string[]): Record<string, string> {
  const signatures = secrets.map((s) => new Webhook(s).sign(messageId, at, body));
  return {
    "webhook-id": messageId,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": signatures.join(" "),
  };
}
