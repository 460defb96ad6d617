// Display helpers shared by pages: numbers, dates, bands and enum labels.
import type { Band } from "~/server/services/scoring";
import { shortDay } from "~/server/services/dates";

// The bands and their names are the scoring rules' own (pure code, safe in the browser).
export { BAND_LABEL, type Band } from "~/server/services/scoring";
export const BAND_COLOR: Record<Band, string> = { HEALTHY: "#15803d", WATCH: "#b45309", AT_RISK: "#b91c1c" };
export const BAND_BADGE: Record<Band, string> = {
  HEALTHY: "bg-green-50 text-green-800 ring-green-600/30",
  WATCH: "bg-amber-50 text-amber-800 ring-amber-600/30",
  AT_RISK: "bg-red-50 text-red-800 ring-red-600/30",
};

export const score = (v: number | null | undefined) => (v === null || v === undefined ? "–" : Math.round(v).toString());

export function change(v: number | null | undefined): string {
  if (v === null || v === undefined) return "no earlier score";
  const r = Math.round(v);
  if (r === 0) return "no change";
  return r > 0 ? `▲ ${r}` : `▼ ${Math.abs(r)}`;
}

export const changeClass = (v: number | null | undefined) =>
  v === null || v === undefined || Math.round(v) === 0 ? "text-slate-500" : v > 0 ? "text-green-700" : "text-red-700";

// "too few responses (1 of 8)" -> "Too few responses (1 of 8)".
export const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export const titleCase = (value: string) =>
  value
    .toLowerCase()
    .split("_")
    .map((w, i) => (i === 0 ? w[0]!.toUpperCase() + w.slice(1) : w))
    .join(" ");

export const ROLE_LABEL: Record<string, string> = {
  OWNER: "Owner",
  ADMIN: "Admin",
  MANAGER: "Alliance manager",
  EXECUTIVE: "Executive",
  PARTNER: "Partner contact",
};

export const date = (d: Date | string | null | undefined) => (d ? shortDay(d) : "–");
export const isoDay = (d: Date) => d.toISOString().slice(0, 10);
