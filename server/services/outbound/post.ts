// The one door for requests we send to addresses admins give us (webhooks, Slack, Teams): the
// address is checked at connection time, the time is bounded and only an excerpt of the answer is
// kept, so a slow or huge receiver cannot hold a worker or fill the database.
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { isPublicAddress } from "./address";
import { OutboundTargetError, parseTargetUrl, targetRules, type TargetRules } from "./target";

export interface OutboundResult {
  status: number;
  // The first characters of the answer's body, for a delivery log.
  excerpt: string;
  durationMs: number;
}

export interface PostOptions {
  headers?: Record<string, string>;
  timeoutMs?: number;
  rules?: TargetRules;
}

const EXCERPT_CHARS = 500;
const MAX_READ_BYTES = 64 * 1024;

// A lookup that refuses names resolving to non-public addresses (unless allowed), so the check
// applies to the address actually connected to.
function guardedLookup(rules: TargetRules): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 0);
      const list = addresses as unknown as LookupAddress[];
      const allowed = rules.allowPrivate ? list : list.filter((a) => isPublicAddress(a.address));
      if (allowed.length === 0) {
        const refusal = new OutboundTargetError(`${hostname} resolves to a private or local address, which we do not send to.`);
        return callback(refusal as NodeJS.ErrnoException, "", 0);
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, allowed);
      callback(null, allowed[0]!.address, allowed[0]!.family);
    });
  };
}

// POSTs a JSON body. Resolves with any HTTP status (the caller decides what counts as delivered);
// rejects when no answer came: refused address, DNS failure, connection error or timeout.
export async function postJson(rawUrl: string, body: string, options: PostOptions = {}): Promise<OutboundResult> {
  const rules = options.rules ?? targetRules();
  const url = parseTargetUrl(rawUrl, rules);
  const literal = url.hostname.replace(/^\[|\]$/g, "");
  if (!rules.allowPrivate && /^[\d.]+$|:/.test(literal) && !isPublicAddress(literal)) {
    throw new OutboundTargetError(`${literal} is a private or local address, which we do not send to.`);
  }
  const started = performance.now();
  const timeoutMs = options.timeoutMs ?? 10_000;
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: "POST",
        lookup: guardedLookup(rules),
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
          "user-agent": "PartnershipHealth-Webhooks/1",
          ...options.headers,
        },
        timeout: timeoutMs,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let read = 0;
        response.on("data", (chunk: Buffer) => {
          if (read < MAX_READ_BYTES) chunks.push(chunk);
          read += chunk.length;
        });
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            excerpt: Buffer.concat(chunks).toString("utf8").slice(0, EXCERPT_CHARS),
            durationMs: Math.round(performance.now() - started),
          }),
        );
        response.on("error", reject);
      },
    );
    // The whole exchange, not only the idle time between packets, is bounded.
    const deadline = setTimeout(() => request.destroy(new Error(`No answer within ${timeoutMs / 1000} s.`)), timeoutMs);
    request.on("close", () => clearTimeout(deadline));
    request.on("timeout", () => request.destroy(new Error(`No answer within ${timeoutMs / 1000} s.`)));
    request.on("error", reject);
    request.end(body);
  });
}
