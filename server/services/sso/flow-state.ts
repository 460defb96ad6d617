// The state of a single sign-on in flight, kept in the browser that started it: a short-lived,
// httpOnly cookie sealed with AES-256-GCM under a key derived from the session secret, so the
// browser can neither read nor alter it, and any app instance can open it. It carries the
// values the answer must match (state, nonce), the PKCE verifier, which connection it was for,
// and where to go afterwards. Binding the state to the browser's own cookie is what stops a
// sign-in started by someone else from being completed in this browser (login CSRF).
import { hkdfSync } from "node:crypto";
import { authSecret } from "../../auth-secret";
import { open, seal } from "./secret-box";

export const FLOW_LIFETIME_MS = 10 * 60_000;
const PURPOSE = "sso-flow";

export interface FlowState {
  workspaceId: string;
  issuer: string;
  clientId: string;
  state: string;
  nonce: string;
  verifier: string;
  next: string | null;
  expiresAt: number;
}

let key: Buffer | undefined;
const flowKey = () => (key ??= Buffer.from(hkdfSync("sha256", authSecret(), "", PURPOSE, 32)));

export const sealFlow = (flow: FlowState) => seal(flowKey(), JSON.stringify(flow), PURPOSE);

// The flow a cookie holds, or null when there is none, it was tampered with or it has expired.
export function openFlow(value: string | undefined | null, now = new Date()): FlowState | null {
  if (!value) return null;
  try {
    const flow = JSON.parse(open(flowKey(), value, PURPOSE)) as FlowState;
    return typeof flow.expiresAt === "number" && flow.expiresAt > now.getTime() ? flow : null;
  } catch {
    return null;
  }
}
