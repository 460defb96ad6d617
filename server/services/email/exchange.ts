// What news of an ask or offer says: the in-app notification's title and body, and the email built
// from the notices that were new. Pure functions of their input, like templates.ts.
import { appUrl } from "./app-url";
import type { Email } from "./templates";
import type { ExchangeKind } from "../exchange/life";

export type ExchangeNews = "create" | "accept" | "decline" | "clarify" | "answer" | "withdraw" | "deliver" | "lapse" | "toAction";

export interface ExchangeNewsInput {
  news: ExchangeNews;
  kind: ExchangeKind;
  title: string;
  actorName: string;
  // The organisation the actor speaks for (the workspace's company or the partner's).
  actorOrg: string;
  partnershipName: string;
  note: string;
  rating: number | null;
}

const SIGNATURE = "— Partnership Health";

function verb(news: ExchangeNews, kind: ExchangeKind): string {
  const what = kind === "ASK" ? "an ask" : "an offer";
  const the = kind === "ASK" ? "the ask" : "the offer";
  switch (news) {
    case "create":
      return `made ${what}`;
    case "accept":
      return `accepted ${the}`;
    case "decline":
      return `declined ${the}`;
    case "clarify":
      return `asked a question about ${the}`;
    case "answer":
      return `answered the question about ${the}`;
    case "withdraw":
      return `withdrew ${the}`;
    case "deliver":
      return `confirmed delivery of ${the}`;
    case "lapse":
      return `marked ${the} lapsed`;
    case "toAction":
      return `turned ${the} into an action`;
  }
}

export function exchangeNotice(input: ExchangeNewsInput): { title: string; body: string } {
  const title = `${input.partnershipName}: ${input.actorName} (${input.actorOrg}) ${verb(input.news, input.kind)}`;
  const rated = input.rating !== null ? ` Value: ${input.rating} of 5.` : "";
  const note = input.note ? ` "${input.note}"` : "";
  return { title, body: `"${input.title}".${rated}${note}` };
}

export function exchangeEmail(input: { recipientName: string; path: string; notices: { title: string; body: string }[] }): Email {
  const link = appUrl(input.path);
  return {
    subject: input.notices.length === 1 ? input.notices[0]!.title : `${input.notices.length} updates on asks and offers`,
    link,
    text: [
      `Hello ${input.recipientName},`,
      "",
      ...input.notices.flatMap((n) => [n.title, `  ${n.body}`, ""]),
      "See the partnership:",
      link,
      "",
      "You receive this because you work on the partnership, once per event. Turn these emails off with action reminders on your account page.",
      "",
      SIGNATURE,
    ].join("\n"),
  };
}
