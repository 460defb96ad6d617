// openid-client's errors, read for what went wrong. They nest: a ClientError whose cause is
// oauth4webapi's error, whose cause says which claim or attribute failed.
import * as oidc from "openid-client";
import type { SsoRefusalCode } from "./refusals";

export function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current: unknown = error;
  while (current && typeof current === "object" && chain.length < 8 && !chain.includes(current)) {
    chain.push(current);
    current = (current as { cause?: unknown }).cause;
  }
  return chain;
}

const field = (chain: unknown[], name: "code" | "claim" | "attribute") =>
  chain.map((e) => (e as Record<string, unknown>)[name]).filter((v): v is string => typeof v === "string");

// The refusal a failed code exchange or ID token check stands for.
export function refusalOf(error: unknown): SsoRefusalCode {
  if (error instanceof oidc.AuthorizationResponseError) return "provider_denied";
  if (error instanceof oidc.ResponseBodyError) return "code_refused";
  const chain = causeChain(error);
  const codes = field(chain, "code");
  const claims = field(chain, "claim");
  const message = chain.map((e) => (e instanceof Error ? e.message : "")).join(" | ");
  if (codes.includes("OAUTH_JWT_CLAIM_COMPARISON_FAILED")) {
    if (claims.includes("iss")) return "wrong_issuer";
    if (claims.includes("aud") || claims.includes("azp")) return "wrong_audience";
    if (claims.includes("nonce")) return "wrong_nonce";
    return "invalid_response";
  }
  if (codes.includes("OAUTH_JWT_TIMESTAMP_CHECK_FAILED")) return "expired";
  if (codes.includes("OAUTH_INVALID_RESPONSE")) {
    if (/signature/i.test(message)) return "bad_signature";
    if (/"iss"/.test(message)) return "wrong_issuer";
    if (/"state" missing/.test(message)) return "state_missing";
    if (/"state"/.test(message)) return "wrong_state";
    return "invalid_response";
  }
  if (codes.includes("OAUTH_KEY_SELECTION_FAILED")) return "bad_signature";
  if (error instanceof TypeError || codes.includes("OAUTH_TIMEOUT") || codes.some((c) => /^E[A-Z]+$/.test(c)))
    return "provider_unreachable";
  return "invalid_response";
}
