// The scorecard's sentences, as pure functions: gaps told from the reader's side, what partner
// contacts are shown, the trend in words for screen readers.
import type { Side } from "../scoring";
import type { Sharing } from "./schema";

export interface Perspective {
  // True when a partner contact reads the scorecard.
  partner: boolean;
  partnerName: string;
  workspaceName: string;
}

// How each side is named from where the reader stands.
export function sideLabels(p: Perspective): Record<Side, string> {
  return p.partner ? { HOST: p.workspaceName, PARTNER: "Your team" } : { HOST: "Your team", PARTNER: p.partnerName };
}

// "Globex rates Communication 28 points lower than you do", or to a Globex contact,
// "You rate Communication 28 points lower than Northwind does". `higher` is the side rating higher.
export function gapSentence(p: Perspective, pillarName: string, gap: number, higher: Side): string {
  const points = Math.round(gap);
  const unit = points === 1 ? "point" : "points";
  if (p.partner) {
    return `You rate ${pillarName} ${points} ${unit} ${higher === "HOST" ? "lower" : "higher"} than ${p.workspaceName} does.`;
  }
  return `${p.partnerName} rates ${pillarName} ${points} ${unit} ${higher === "HOST" ? "lower" : "higher"} than you do.`;
}

const SHARED_PARTS: { key: keyof Sharing; words: string }[] = [
  { key: "scores", words: "the combined scores" },
  { key: "trends", words: "trends over time" },
  { key: "comments", words: "comments" },
  { key: "sides", words: "each side's own scores and the gaps between them" },
  { key: "statements", words: "the statement breakdown" },
];

function list(items: string[]) {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

// What the partner program shares, said to the partner contact, or to the host about the partner.
export function sharingNote(p: Perspective, s: Sharing): string {
  const shared = SHARED_PARTS.filter((part) => s[part.key]).map((part) => part.words);
  const withheld = SHARED_PARTS.filter((part) => !s[part.key]).map((part) => part.words);
  if (p.partner) {
    const what = shared.length
      ? `${p.workspaceName} shares ${list(shared)} of this scorecard with you.`
      : `${p.workspaceName} does not share this scorecard's results with partner contacts.`;
    const not =
      shared.length && withheld.length ? ` ${capitalise(list(withheld))} ${withheld.length === 1 ? "is" : "are"} not shared.` : "";
    return `${what}${not} Nobody's individual answers are ever shown.`;
  }
  return shared.length
    ? `${p.partnerName}'s contacts see ${list(shared)} of this scorecard (Admin → Settings).`
    : `${p.partnerName}'s contacts see none of this scorecard's results (Admin → Settings).`;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

// "Health index from 62 (2025-Q1) to 67 (2025-Q3), up 4 on the previous cycle. Latest pillars:
// Trust 58, Commitment 79." Null when nothing was scored.
export function trendSummary(
  series: readonly Record<string, string | number | null>[],
  keys: readonly { key: string; name: string }[],
  change: number | null,
): string | null {
  const scored = series.filter((s) => typeof s.health === "number");
  if (scored.length === 0) return null;
  const first = scored[0]!;
  const last = scored.at(-1)!;
  const r = (v: string | number | null | undefined) => (typeof v === "number" ? Math.round(v).toString() : "no score");
  const span =
    scored.length === 1
      ? `Health index ${r(last.health)} in ${last.label}, the only scored cycle.`
      : `Health index across ${scored.length} scored cycles, from ${r(first.health)} in ${first.label} to ${r(last.health)} in ${last.label}` +
        (change === null ? "." : `, ${changeWords(change)} on the cycle before.`);
  const pillars = keys.map((k) => `${k.name} ${r(last[k.key])}`).join(", ");
  return `${span} Pillars in ${last.label}: ${pillars}.`;
}

function changeWords(change: number) {
  const r = Math.round(change);
  if (r === 0) return "unchanged";
  return r > 0 ? `up ${r}` : `down ${Math.abs(r)}`;
}

// Why one side's comments of a cycle are not shown.
export function withheldNote(sideLabel: string, cycleLabel: string, responses: number, threshold: number): string {
  const who = sideLabel === "Your team" ? "your team" : sideLabel;
  return (
    `Comments from ${who} in ${cycleLabel} are withheld: ${responses} ${responses === 1 ? "response" : "responses"}, ` +
    `fewer than the ${threshold} needed to keep their authors anonymous.`
  );
}
