// Reading one cell of a row: the words the app uses for tiers, phases and roles, dates, emails,
// web addresses, and the cells a spreadsheet would run as a formula.
import type { Phase, Role, Tier } from "../../db/generated/client";
import { matchKey } from "./text-match";

// A value that was neutralised by an export (a leading apostrophe before = + - @) reads back as
// typed; one that still starts with a formula character is refused, since a spreadsheet that
// opens the file later would run it.
export function unneutralised(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}
export const looksLikeFormula = (value: string) => /^[=+\-@]/.test(value);

// STRATEGIC -> Strategic, RENEWAL_REVIEW -> Renewal review: the words the app (and the export) shows.
export const enumLabel = (value: string) => value.charAt(0) + value.slice(1).toLowerCase().replaceAll("_", " ");

function enumReader<T extends string>(values: readonly T[], aliases: Record<string, T> = {}) {
  const table = new Map<string, T>();
  for (const v of values) {
    table.set(matchKey(v), v);
    table.set(matchKey(enumLabel(v)), v);
  }
  for (const [alias, v] of Object.entries(aliases)) table.set(matchKey(alias), v);
  return (text: string): T | null =>
    table.get(matchKey(text).replaceAll("-", " ").replaceAll("_", " ")) ?? table.get(matchKey(text)) ?? null;
}

export const TIERS = ["STRATEGIC", "CORE", "EMERGING"] as const satisfies readonly Tier[];
export const PHASES = ["EXPLORING", "ONBOARDING", "ACTIVE", "RENEWAL_REVIEW", "RENEWED", "EXITED"] as const satisfies readonly Phase[];
export const ROLES = ["OWNER", "ADMIN", "MANAGER", "EXECUTIVE", "PARTNER"] as const satisfies readonly Role[];

export const readTier = enumReader(TIERS);
export const readPhase = enumReader(PHASES, { "renewal review": "RENEWAL_REVIEW" });
export const readRole = enumReader(ROLES, {
  "alliance manager": "MANAGER",
  "partner contact": "PARTNER",
  contact: "PARTNER",
  exec: "EXECUTIVE",
});

export const ROLE_WORDS: Record<Role, string> = {
  OWNER: "Owner",
  ADMIN: "Admin",
  MANAGER: "Alliance manager",
  EXECUTIVE: "Executive",
  PARTNER: "Partner contact",
};

// YYYY-MM-DD, and a real day of the calendar: 2027-02-30 is refused, not moved to March.
export function readDay(text: string): string | null {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

// Several emails in one cell, separated by semicolons, commas, spaces or line breaks.
export const splitEmails = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((e) => e.trim().toLowerCase())
    .filter(Boolean);

export const WEBSITE = /^https?:\/\/[^\s/$.?#].[^\s]*$/i;

export const NAME_MAX = 120;

// A change in words, for the preview: "region: EMEA -> APAC", or "region: APAC" when it was empty.
export const changeWords = (what: string, before: string | null, after: string | null) =>
  before ? `${what}: ${before} -> ${after ?? "(empty)"}` : `${what}: ${after}`;
