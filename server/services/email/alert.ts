// What alerts and renewal notices say: the in-app notification's title and body, and the email
// built from the notifications that were new. Pure functions of their input, like templates.ts.
import type { Alert } from "../alerts/detect";
import { appUrl } from "./app-url";
import type { Email } from "./templates";
import { longDay } from "../dates";

export interface NoticeText {
  title: string;
  body: string;
}

const points = (n: number) => `${Math.round(n)} ${Math.round(n) === 1 ? "point" : "points"}`;
const shown = (n: number) => String(Math.round(n));
const SIGNATURE = "— Partnership Health";

export interface AlertContext {
  partnershipName: string;
  partnerName: string;
  cycleLabel: string;
  // The previous cycle whose figures may be shown, which the change is measured against (one with
  // too few responses in between is skipped, as the scorecard's trend skips it).
  previousLabel: string | null;
}

export function alertNotice(c: AlertContext, alert: Alert): NoticeText {
  switch (alert.kind) {
    case "HEALTH_DROP":
      return {
        title: `${c.partnershipName}: health fell ${points(alert.drop)}`,
        body: `Health fell from ${shown(alert.from)} in ${c.previousLabel ?? "the previous cycle"} to ${shown(alert.to)} in ${c.cycleLabel}.`,
      };
    case "PILLAR_AT_RISK":
      return {
        title: `${c.partnershipName}: ${alert.pillarName} is at risk`,
        body:
          `${alert.pillarName} scored ${shown(alert.score)} in ${c.cycleLabel}, in the at-risk band (below 60)` +
          (alert.previous !== null && c.previousLabel ? `; it was ${shown(alert.previous)} in ${c.previousLabel}.` : "."),
      };
    case "PERCEPTION_GAP":
      return {
        title: `${c.partnershipName}: the two sides see ${alert.pillarName} differently`,
        body: `In ${c.cycleLabel}, your team rates ${alert.pillarName} ${shown(alert.host)} and ${c.partnerName} rates it ${shown(alert.partner)}: a gap of ${points(alert.gap)}.`,
      };
  }
}

export interface AlertEmailInput {
  workspaceName: string;
  partnershipName: string;
  cycleLabel: string;
  recipientName: string;
  // The app path of the partnership's scorecard.
  path: string;
  notices: NoticeText[];
}

// One email per person and partnership for the alerts of one cycle that were new to them.
export function alertEmail(input: AlertEmailInput): Email {
  const link = appUrl(input.path);
  const one = input.notices.length === 1;
  return {
    subject: one ? input.notices[0]!.title : `${input.partnershipName}: ${input.notices.length} alerts after ${input.cycleLabel}`,
    link,
    text: [
      `Hello ${input.recipientName},`,
      "",
      `The ${input.cycleLabel} results of ${input.partnershipName} (${input.workspaceName}) need your attention:`,
      ...input.notices.map((n) => `  - ${n.body}`),
      "",
      "See the scorecard:",
      link,
      "",
      "You receive this as the partnership's owner (or, when it has none, as a workspace admin), once per event.",
      "",
      SIGNATURE,
    ].join("\n"),
  };
}

export interface RenewalNoticeInput {
  partnershipName: string;
  renewalDate: Date;
}

export function renewalNotice(input: RenewalNoticeInput): NoticeText {
  return {
    title: `${input.partnershipName}: renewal review open`,
    body: `${input.partnershipName} renews on ${longDay(input.renewalDate)}. Review its health, gaps, actions and goals, and record the decision.`,
  };
}

export function renewalEmail(input: RenewalNoticeInput & { workspaceName: string; recipientName: string; path: string }): Email {
  const link = appUrl(input.path);
  const notice = renewalNotice(input);
  return {
    subject: notice.title,
    link,
    text: [
      `Hello ${input.recipientName},`,
      "",
      `The renewal review of ${input.partnershipName} (${input.workspaceName}) is open. ${notice.body}`,
      "",
      "Open the review:",
      link,
      "",
      SIGNATURE,
    ].join("\n"),
  };
}

export interface OneSidedInput {
  partnershipName: string;
  // Who gave most, and who gave little: the workspace's company or the partner organisation.
  giverName: string;
  otherName: string;
  // Whether the giver is the workspace's company (the alert's reader's side).
  hostGaveMore: boolean;
  year: number;
  index: number;
  delivered: number;
}

// The one-sided exchange alert (server/services/alerts/one-sided.ts).
export function oneSidedNotice(input: OneSidedInput): NoticeText {
  return {
    title: `${input.partnershipName}: the exchange has become one-sided`,
    body:
      `Of the ${input.delivered} asks and offers delivered among those made in ${input.year}, most of the value came from ${input.giverName}: ` +
      `a reciprocity index of ${input.index} (below 40 is one-sided). ` +
      (input.hostGaveMore
        ? `Ask ${input.otherName} for something specific in return.`
        : `Answer ${input.giverName}'s open asks, or offer what it needs.`),
  };
}

export function oneSidedEmail(input: OneSidedInput & { workspaceName: string; recipientName: string; path: string }): Email {
  const link = appUrl(input.path);
  const notice = oneSidedNotice(input);
  return {
    subject: notice.title,
    link,
    text: [
      `Hello ${input.recipientName},`,
      "",
      `The value exchange of ${input.partnershipName} (${input.workspaceName}) needs your attention. ${notice.body}`,
      "",
      "See the exchange on its scorecard:",
      link,
      "",
      "You receive this as the partnership's owner (or, when it has none, as a workspace admin), once a year per partnership.",
      "",
      SIGNATURE,
    ].join("\n"),
  };
}
