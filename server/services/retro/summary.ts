// The closed retro's summary, and its Markdown and CSV forms. Pure: the page, the export and the
// email all show what these functions make of the same input.
import { csvLines } from "../csv/write";
import { exchangeCsvRows, exchangeLines, type ExchangeFigures } from "../exchange/figures";
import { topItems } from "./ranking";
import { LIST_LABEL, RETRO_LISTS, type RetroList } from "./rules";

type Side = "HOST" | "PARTNER";

export interface SummaryInput {
  partnershipName: string;
  // What each side is called: the workspace's name and the partner organisation's.
  sideNames: Record<Side, string>;
  cycleLabel: string;
  groundRules: string;
  facilitatorName: string;
  closedAt: Date | null;
  items: { id: string; list: RetroList; text: string; createdAt: Date; votes: number }[];
  actions: { title: string; ownerName: string | null; ownerSide: Side | null; dueDate: Date | null; pillarName: string | null }[];
  attendees: { name: string; side: Side }[];
  // The give/get balance since the partnership's previous retro (exchange/since.ts).
  exchange: ExchangeFigures;
}

export interface RetroSummary {
  partnershipName: string;
  cycleLabel: string;
  groundRules: string;
  facilitatorName: string;
  closedAt: Date | null;
  lists: { list: RetroList; label: string; top: { text: string; votes: number }[] }[];
  actions: { title: string; owner: string | null; side: string | null; dueDate: string | null; pillar: string | null }[];
  attendees: { name: string; side: string }[];
  exchange: ExchangeFigures;
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export function buildSummary(input: SummaryInput): RetroSummary {
  return {
    partnershipName: input.partnershipName,
    cycleLabel: input.cycleLabel,
    groundRules: input.groundRules,
    facilitatorName: input.facilitatorName,
    closedAt: input.closedAt,
    lists: RETRO_LISTS.map((list) => ({
      list,
      label: LIST_LABEL[list],
      top: topItems(input.items.filter((i) => i.list === list)).map((i) => ({ text: i.text, votes: i.votes })),
    })),
    actions: input.actions.map((a) => ({
      title: a.title,
      owner: a.ownerName,
      side: a.ownerSide ? input.sideNames[a.ownerSide] : null,
      dueDate: a.dueDate ? isoDay(a.dueDate) : null,
      pillar: a.pillarName,
    })),
    // Host first, then the partner's people, each by name.
    attendees: [...input.attendees]
      .sort((a, b) => (a.side === b.side ? a.name.localeCompare(b.name) : a.side === "HOST" ? -1 : 1))
      .map((a) => ({ name: a.name, side: input.sideNames[a.side] })),
    exchange: input.exchange,
  };
}

const votes = (n: number) => `${n} ${n === 1 ? "vote" : "votes"}`;

// One line per action, as the email and the Markdown export phrase it.
export function actionLine(a: RetroSummary["actions"][number]): string {
  const owner = a.owner ? `${a.owner}${a.side ? ` (${a.side})` : ""}` : "no owner";
  return `${a.title}: ${owner}, by ${a.dueDate ?? "no date"}${a.pillar ? `, for ${a.pillar}` : ""}`;
}

export function summaryMarkdown(s: RetroSummary): string {
  const out: string[] = [`# Retrospective: ${s.partnershipName}, ${s.cycleLabel}`, ""];
  out.push(`Facilitated by ${s.facilitatorName}${s.closedAt ? `, closed on ${isoDay(s.closedAt)}` : ""}.`, "");
  for (const l of s.lists) {
    out.push(`## ${l.label}`, "");
    if (l.top.length === 0) out.push("No item received a vote.");
    l.top.forEach((t, i) => out.push(`${i + 1}. ${t.text} (${votes(t.votes)})`));
    out.push("");
  }
  out.push("## Actions", "");
  if (s.actions.length === 0) out.push("No actions.");
  for (const a of s.actions) out.push(`- ${actionLine(a)}`);
  out.push("", "## Value exchange", "", `The asks and offers made ${s.exchange.since}:`, "");
  for (const line of exchangeLines(s.exchange)) out.push(`- ${line}`);
  out.push("", "## Who took part", "");
  for (const a of s.attendees) out.push(`- ${a.name} (${a.side})`);
  out.push("", "## Ground rules", "", s.groundRules, "");
  return out.join("\n");
}

// One table for the whole summary: a section column says what each row is.
export function summaryCsv(s: RetroSummary): string {
  const rows: (string | number | null)[][] = [["section", "rank", "text", "votes", "owner", "side", "by_when", "pillar"]];
  for (const l of s.lists) l.top.forEach((t, i) => rows.push([l.label, i + 1, t.text, t.votes, null, null, null, null]));
  for (const a of s.actions) rows.push(["Action", null, a.title, null, a.owner, a.side, a.dueDate, a.pillar]);
  for (const a of s.attendees) rows.push(["Took part", null, null, null, a.name, a.side, null, null]);
  // The exchange's figures per side: asks made, fulfilled by the other side, offers made and
  // delivered, value received; the text column says which figure.
  const labels = ["asks made", "asks fulfilled by the other side", "offers made", "offers delivered", "value received"];
  for (const row of exchangeCsvRows(s.exchange)) {
    labels.forEach((label, i) =>
      rows.push(["Value exchange", null, `${label} (${s.exchange.since})`, row[i + 1]!, null, row[0]!, null, null]),
    );
  }
  rows.push(["Value exchange", null, `reciprocity index (${s.exchange.since})`, s.exchange.index, null, null, null, null]);
  return csvLines(rows);
}
