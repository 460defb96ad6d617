// What each event says in a channel, as a platform-neutral message (message.ts). Pure functions
// of what the services already computed. A channel is a workspace's own team space, so a message
// shows what an internal viewer of the portfolio may see (server/services/confidentiality.ts):
// figures only where the scorecard shows them (the alerts' figures come from detectAlerts, which
// asks the rule), health as the combined index and its band, never one person's answers, and no
// partner contact's individual response.
import { createHash } from "node:crypto";
import type { NoticeText } from "../email/alert";
import { appUrl } from "../email/app-url";
import { longDay, shortDay } from "../dates";
import { actionLine, type RetroSummary } from "../retro/summary";
import type { Rate } from "../response-rates";
import { BAND_LABEL, band } from "../scoring";
import { capped, MAX_LINES, MAX_SECTIONS, plural, type ChatPost, type ChatSection } from "./message";

const andMore = (more: number, what: string) => (more ? [`…and ${plural(more, what)} more`] : []);
const shortKey = (parts: readonly string[]) => createHash("sha256").update(parts.join("\u0000")).digest("hex").slice(0, 24);

// ---- Alerts -------------------------------------------------------------------------------

export interface AlertedPartnership {
  id: string;
  name: string;
  partnerName: string;
  // The health index of the cycle, which shows whenever the cycle raised an alert.
  health: number | null;
  notices: (NoticeText & { dedupeKey: string })[];
}

// One message per evaluation of a closed cycle, of the alerts that were news (the ones told to
// someone for the first time): a close raising alerts on 30 partnerships is one post, not 30.
export function alertsPost(input: { slug: string; cycleLabel: string; partnerships: AlertedPartnership[] }): ChatPost | null {
  const alerted = input.partnerships.filter((p) => p.notices.length > 0);
  if (alerted.length === 0) return null;
  const count = alerted.reduce((n, p) => n + p.notices.length, 0);
  const { shown, more } = capped(alerted, MAX_SECTIONS);
  const sections: ChatSection[] = shown.map((p) => ({
    heading:
      `${p.name} (${p.partnerName})` +
      (p.health === null ? "" : `: health ${Math.round(p.health)}, ${BAND_LABEL[band(p.health)].toLowerCase()}`),
    lines: p.notices.map((n) => n.body),
    link: { label: "Scorecard", url: appUrl(`/w/${input.slug}/partnerships/${p.id}`) },
  }));
  if (more) sections.push({ lines: andMore(more, "partnership") });
  return {
    kind: "ALERTS",
    dedupeKey: `alerts:${shortKey(alerted.flatMap((p) => p.notices.map((n) => n.dedupeKey)).sort())}`,
    message: {
      title: `${plural(count, "alert")} after ${input.cycleLabel}`,
      summary: `${input.cycleLabel} has closed and ${plural(alerted.length, "partnership")} ${alerted.length === 1 ? "needs" : "need"} attention.`,
      sections,
      note: "Each alert is posted once, when the cycle it is about closes. Owners are also told in the app and by email.",
      links: [{ label: "Open the portfolio", url: appUrl(`/w/${input.slug}/portfolio`) }],
    },
  };
}

// ---- Cycle opened, and its response rates -------------------------------------------------

export interface CycleFacts {
  slug: string;
  cycleId: string;
  label: string;
  closesAt: Date;
}

// `openedAt` in the key: an opening undone and done again is a new opening.
export function cycleOpenedPost(
  input: CycleFacts & { openedAt: Date | null; partnerships: number; host: number; partner: number },
): ChatPost {
  const people = input.host + input.partner;
  return {
    kind: "CYCLE_OPENED",
    dedupeKey: `cycle-opened:${input.cycleId}:${(input.openedAt ?? new Date(0)).toISOString()}`,
    message: {
      title: `${input.label} survey is open`,
      summary: `${input.label} is open until ${longDay(input.closesAt)}: ${plural(people, "person", "people")} asked about ${plural(input.partnerships, "partnership")}.`,
      sections: [
        {
          facts: [
            { label: "Partnerships", value: String(input.partnerships) },
            { label: "People asked", value: `${people} (${input.host} of our team, ${input.partner} at partners)` },
            { label: "Closes", value: longDay(input.closesAt) },
          ],
        },
      ],
      note: "Everyone asked has had their invitation by email. The response rate follows two days before the cycle closes, and again when it closes.",
      links: [{ label: "Open the cycle", url: appUrl(`/w/${input.slug}/cycles/${input.cycleId}`) }],
    },
  };
}

export interface RatesInput extends CycleFacts {
  // CLOSING_SOON: with the last reminder, two days before the close, while there is still time to
  // chase; CLOSED: the final count, and how many partnerships will show no results for it.
  stage: "CLOSING_SOON" | "CLOSED";
  // Distinguishes one close from a later one after a reopen.
  closedAt?: Date | null;
  total: Rate;
  host: Rate;
  partner: Rate;
  // Partnerships whose partner side has been asked and has not answered at all.
  noPartnerAnswer: string[];
  // Partnerships with fewer responses in all than the confidentiality threshold (CLOSED only).
  tooFew: number;
  threshold: number;
}

const rateText = (r: Rate) => (r.percent === null ? "nobody asked" : `${r.answered} of ${r.asked} (${r.percent}%)`);

// Why these two moments: a program lead acts on a response rate while the cycle is open (two days
// before the close, the last reminder goes to everyone who has not answered, and a lead can still
// chase the partners who are silent), and reads the final rate at the close to know which results
// will show. A post per reminder would repeat the invitations' story without a decision to make.
export function responseRatesPost(input: RatesInput): ChatPost {
  const closed = input.stage === "CLOSED";
  const { shown, more } = capped(input.noPartnerAnswer, MAX_LINES);
  const sections: ChatSection[] = [
    {
      facts: [
        { label: "Answered", value: rateText(input.total) },
        { label: "Our team", value: rateText(input.host) },
        { label: "Partners", value: rateText(input.partner) },
        { label: closed ? "Closed" : "Closes", value: closed ? longDay(input.closedAt ?? new Date()) : longDay(input.closesAt) },
      ],
    },
  ];
  if (shown.length) {
    sections.push({
      heading: closed ? "No answer from the partner side" : "No answer from the partner side yet",
      lines: [...shown, ...andMore(more, "partnership")],
    });
  }
  if (closed && input.tooFew > 0) {
    sections.push({
      lines: [
        `${plural(input.tooFew, "partnership")} had fewer than ${input.threshold} responses: ${input.tooFew === 1 ? "its" : "their"} ${input.label} results will not show, to keep answers confidential.`,
      ],
    });
  }
  const percent = input.total.percent === null ? "" : `${input.total.percent}% `;
  return {
    kind: "RESPONSE_RATES",
    dedupeKey: closed
      ? `rates:closed:${input.cycleId}:${(input.closedAt ?? new Date(0)).toISOString()}`
      : `rates:closing-soon:${input.cycleId}`,
    message: {
      title: closed
        ? `${input.label} closed: ${percent}answered`
        : `${input.label}: ${percent}answered, closes ${shortDay(input.closesAt)}`,
      summary: closed
        ? `${input.label} has closed with ${rateText(input.total)} of those asked answering.`
        : `${input.label} closes on ${longDay(input.closesAt)}; ${rateText(input.total)} of those asked have answered so far.`,
      sections,
      note: closed
        ? "Scores and alerts follow in the app once the results are in."
        : "Everyone who has not answered was reminded by email today.",
      links: [{ label: "Open the cycle", url: appUrl(`/w/${input.slug}/cycles/${input.cycleId}`) }],
    },
  };
}

// ---- Overdue actions ----------------------------------------------------------------------

export interface OverdueAction {
  id: string;
  partnershipId: string;
  partnershipName: string;
  title: string;
  ownerName: string | null;
  dueDate: Date;
}

const daysLate = (due: Date, today: Date) => Math.round((today.getTime() - due.getTime()) / 86_400_000);

// The workspace's overdue actions, by partnership, most overdue first: one post a day (`day` is
// the UTC day it is for).
export function overdueDigestPost(input: { slug: string; day: string; today: Date; actions: OverdueAction[] }): ChatPost | null {
  if (input.actions.length === 0) return null;
  const byPartnership = new Map<string, OverdueAction[]>();
  for (const a of [...input.actions].sort((x, y) => x.dueDate.getTime() - y.dueDate.getTime())) {
    byPartnership.set(a.partnershipId, [...(byPartnership.get(a.partnershipId) ?? []), a]);
  }
  const groups = [...byPartnership.values()];
  const { shown, more } = capped(groups, MAX_SECTIONS);
  const sections: ChatSection[] = shown.map((list) => {
    const lines = capped(list, 5);
    return {
      heading: list[0]!.partnershipName,
      lines: [
        ...lines.shown.map(
          (a) =>
            `${a.title}: ${a.ownerName ?? "no owner"}, due ${shortDay(a.dueDate)} (${plural(daysLate(a.dueDate, input.today), "day")} late)`,
        ),
        ...andMore(lines.more, "action"),
      ],
      link: { label: "Actions", url: appUrl(`/w/${input.slug}/partnerships/${list[0]!.partnershipId}/actions`) },
    };
  });
  if (more) sections.push({ lines: andMore(more, "partnership") });
  const n = input.actions.length;
  return {
    kind: "OVERDUE_ACTIONS",
    dedupeKey: `overdue:${input.day}`,
    message: {
      title: `${plural(n, "overdue action")}`,
      summary: `${plural(n, "action")} across ${plural(groups.length, "partnership")} ${n === 1 ? "is" : "are"} past ${n === 1 ? "its" : "their"} by-when date.`,
      sections,
      note: "Posted once a day while actions are overdue. Each owner is also reminded by email.",
      links: [{ label: "Open the portfolio", url: appUrl(`/w/${input.slug}/portfolio`) }],
    },
  };
}

// ---- Retro summary ------------------------------------------------------------------------

const votes = (n: number) => plural(n, "vote");

// The closed retro's summary, as the email carries it (email/retro-summary.ts), without the
// attendees' names: a channel may be wider than the people who took part.
export function retroSummaryPost(input: { summary: RetroSummary; retroId: string; path: string }): ChatPost {
  const s = input.summary;
  const sections: ChatSection[] = s.lists.map((l) => ({
    heading: l.label,
    lines: l.top.length ? l.top.map((t, i) => `${i + 1}. ${t.text} (${votes(t.votes)})`) : ["No item received a vote."],
  }));
  const actions = capped(s.actions, MAX_LINES);
  sections.push({
    heading: "Actions",
    lines: actions.shown.length ? [...actions.shown.map(actionLine), ...andMore(actions.more, "action")] : ["None."],
  });
  return {
    kind: "RETRO_SUMMARY",
    dedupeKey: `retro:${input.retroId}`,
    message: {
      title: `Retro closed: ${s.partnershipName}, ${s.cycleLabel}`,
      summary: `The value-exchange retrospective of ${s.partnershipName} for ${s.cycleLabel} has closed with ${plural(s.actions.length, "action")}.`,
      sections,
      note: `Facilitated by ${s.facilitatorName}; ${plural(s.attendees.length, "person", "people")} took part.`,
      links: [{ label: "Read the summary", url: appUrl(input.path) }],
    },
  };
}

// ---- Test ---------------------------------------------------------------------------------

export function testMessage(input: { slug: string; workspaceName: string; platform: string }) {
  return {
    title: "Test message from Partnership Health",
    summary: `${input.workspaceName} is connected to this ${input.platform} channel.`,
    sections: [
      {
        heading: "This channel will receive",
        lines: [
          "Alerts when a cycle closes (health drops, pillars at risk, perception gaps)",
          "Survey cycles opening, and their response rates",
          "A daily digest of overdue actions",
          "Retro summaries",
        ],
      },
    ],
    note: "Sent with the test button of Admin → Integrations.",
    links: [{ label: "Open the integrations page", url: appUrl(`/w/${input.slug}/admin/integrations`) }],
  };
}
