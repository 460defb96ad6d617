// The email that carries a closed retro's summary to everyone who took part and everyone on the
// partnership. Pure: built inside the closing transaction from the summary the page shows.
import { exchangeLines } from "../exchange/figures";
import { actionLine, type RetroSummary } from "../retro/summary";
import { appUrl } from "./app-url";
import type { Email } from "./templates";

export interface RetroSummaryEmailInput {
  summary: RetroSummary;
  // The retro page's path, /w/<slug>/partnerships/<id>/retro/<retroId>.
  path: string;
}

const votes = (n: number) => `${n} ${n === 1 ? "vote" : "votes"}`;

export function retroSummaryEmail({ summary: s, path }: RetroSummaryEmailInput): Email {
  const link = appUrl(path);
  const out: string[] = [
    "Hello,",
    "",
    `The value-exchange retrospective of ${s.partnershipName} for ${s.cycleLabel} has closed. Here is what both sides agreed.`,
  ];
  for (const l of s.lists) {
    out.push("", `${l.label}:`);
    if (l.top.length === 0) out.push("  (no item received a vote)");
    l.top.forEach((t, i) => out.push(`  ${i + 1}. ${t.text} (${votes(t.votes)})`));
  }
  out.push("", "Actions:");
  if (s.actions.length === 0) out.push("  (none)");
  for (const a of s.actions) out.push(`  - ${actionLine(a)}`);
  out.push("", `Value exchange, ${s.exchange.since}:`);
  for (const line of exchangeLines(s.exchange)) out.push(`  - ${line}`);
  out.push("", "Who took part:");
  for (const a of s.attendees) out.push(`  - ${a.name} (${a.side})`);
  out.push("", "Read the summary, or export it, here:", link, "", "— Partnership Health");
  return { subject: `Retro summary: ${s.partnershipName}, ${s.cycleLabel}`, text: out.join("\n"), link };
}
