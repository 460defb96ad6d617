// Who is asking, as far as the network can tell. The app server (server/cli/serve.ts) appends the
// socket's peer address to X-Forwarded-For, so the right-most entry is always one the client
// could not choose. Entries further left were written by whoever sent the request and are
// believed only through hops listed in TRUSTED_PROXIES: walking from the right, each trusted
// proxy vouches for the entry before it; the first address that is not a trusted proxy is the
// client. Without TRUSTED_PROXIES a forged header changes nothing.
import { isIP } from "node:net";
import { env } from "../env";

export type HeaderBag = Headers | Record<string, string | string[] | undefined> | undefined;

export function header(headers: HeaderBag, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value.join(",") : value;
}

// "::ffff:10.0.0.1" is the IPv4 address 10.0.0.1 as an IPv6 socket reports it.
export const normalise = (address: string) => address.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");

function ipv4ToInt(address: string): number {
  return address.split(".").reduce((n, part) => (n << 8) + Number(part), 0) >>> 0;
}

function ipv6ToBigInt(address: string): bigint {
  const [head, tail] = address.split("::") as [string, string | undefined];
  const parts = (s: string | undefined) => (s ? s.split(":") : []);
  const h = parts(head);
  const t = parts(tail);
  const groups = tail === undefined ? h : [...h, ...Array(8 - h.length - t.length).fill("0"), ...t];
  return groups.reduce((n, g) => (n << 16n) + BigInt(parseInt(g || "0", 16)), 0n);
}

// One entry of TRUSTED_PROXIES: an address or a CIDR range, IPv4 or IPv6.
export function matches(range: string, address: string): boolean {
  const [base, bitsText] = range.split("/") as [string, string | undefined];
  const a = normalise(address);
  const b = normalise(base);
  const kind = isIP(a);
  if (!kind || kind !== isIP(b)) return false;
  const width = kind === 4 ? 32 : 128;
  const bits = bitsText === undefined ? width : Number(bitsText);
  if (!Number.isInteger(bits) || bits < 0 || bits > width) return false;
  if (kind === 4) {
    if (bits === 0) return true;
    const mask = (~0 << (32 - bits)) >>> 0;
    return (ipv4ToInt(a) & mask) === (ipv4ToInt(b) & mask);
  }
  const shift = BigInt(128 - bits);
  return ipv6ToBigInt(a) >> shift === ipv6ToBigInt(b) >> shift;
}

export function parseTrustedProxies(text: string | undefined): string[] {
  return (text ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

export function clientAddressFrom(forwardedFor: string | undefined, trusted: readonly string[]): string | null {
  const hops = (forwardedFor ?? "").split(",").map(normalise).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    const isTrusted = trusted.some((range) => matches(range, hop));
    if (!isTrusted || i === 0) return isIP(hop) ? hop : null;
  }
  return null;
}

export const clientAddress = (headers: HeaderBag): string | null =>
  clientAddressFrom(header(headers, "x-forwarded-for"), parseTrustedProxies(env.TRUSTED_PROXIES));

export const userAgent = (headers: HeaderBag): string | null => header(headers, "user-agent")?.slice(0, 300) ?? null;
