// A chat message as the body a Microsoft Teams incoming webhook (a Workflows / Power Automate
// "post to a channel when a webhook request is received" flow) takes: a message with one
// Adaptive Card 1.4 attachment. Pure. Text goes in RichTextBlock TextRuns, which Teams shows
// literally (a TextBlock would read Markdown, so a retro item written as "[x](https://…)" would
// become a link); the links are Action.OpenUrl buttons.
// https://learn.microsoft.com/en-us/adaptive-cards/authoring-cards/card-schema
import type { ChatLink, ChatMessage, ChatSection } from "./message";

export const ADAPTIVE_CARD_SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json";
export const ADAPTIVE_CARD_VERSION = "1.4";
export const ADAPTIVE_CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";

type TextRun = { type: "TextRun"; text: string; weight?: "Bolder"; size?: "Large" | "Medium" | "Small"; isSubtle?: boolean };
type Element =
  | { type: "RichTextBlock"; inlines: TextRun[]; spacing?: "Medium" | "Small" }
  | { type: "FactSet"; facts: { title: string; value: string }[] }
  | { type: "ActionSet"; actions: OpenUrl[] };
type OpenUrl = { type: "Action.OpenUrl"; title: string; url: string };

export interface AdaptiveCard {
  type: "AdaptiveCard";
  $schema: typeof ADAPTIVE_CARD_SCHEMA;
  version: typeof ADAPTIVE_CARD_VERSION;
  fallbackText: string;
  msteams: { width: "Full" };
  body: Element[];
  actions: OpenUrl[];
}

export interface TeamsPayload {
  type: "message";
  attachments: { contentType: typeof ADAPTIVE_CARD_CONTENT_TYPE; contentUrl: null; content: AdaptiveCard }[];
}

const text = (value: string, style: Omit<TextRun, "type" | "text"> = {}): TextRun => ({ type: "TextRun", text: value, ...style });
const paragraph = (runs: TextRun[], spacing?: "Medium" | "Small"): Element => ({
  type: "RichTextBlock",
  inlines: runs,
  ...(spacing ? { spacing } : {}),
});
const openUrl = (link: ChatLink): OpenUrl => ({ type: "Action.OpenUrl", title: link.label, url: link.url });

function sectionElements(section: ChatSection): Element[] {
  const out: Element[] = [];
  if (section.heading) out.push(paragraph([text(section.heading, { weight: "Bolder" })], "Medium"));
  for (const line of section.lines ?? []) out.push(paragraph([text(`•  ${line}`)], "Small"));
  if (section.facts?.length) out.push({ type: "FactSet", facts: section.facts.map((f) => ({ title: f.label, value: f.value })) });
  if (section.link) out.push({ type: "ActionSet", actions: [openUrl(section.link)] });
  return out;
}

export function toTeams(message: ChatMessage): TeamsPayload {
  const body: Element[] = [paragraph([text(message.title, { weight: "Bolder", size: "Large" })])];
  body.push(paragraph([text(message.summary)], "Small"));
  for (const section of message.sections) body.push(...sectionElements(section));
  if (message.note) body.push(paragraph([text(message.note, { size: "Small", isSubtle: true })], "Medium"));
  return {
    type: "message",
    attachments: [
      {
        contentType: ADAPTIVE_CARD_CONTENT_TYPE,
        contentUrl: null,
        content: {
          type: "AdaptiveCard",
          $schema: ADAPTIVE_CARD_SCHEMA,
          version: ADAPTIVE_CARD_VERSION,
          fallbackText: message.summary,
          msteams: { width: "Full" },
          body,
          actions: message.links.map(openUrl),
        },
      },
    ],
  };
}
