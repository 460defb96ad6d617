// A chat message as a Slack incoming-webhook body: `text` (the notification, and what clients that
// cannot show blocks show) and Block Kit blocks (header, section, context, actions). Pure, typed
// with Slack's own Block Kit types (@slack/types), and kept within Slack's documented limits:
// https://docs.slack.dev/reference/block-kit/blocks (a longer text is cut with "…" rather than
// have Slack refuse the whole message with invalid_blocks).
import type { ActionsBlock, Button, ContextBlock, HeaderBlock, KnownBlock, MrkdwnElement, SectionBlock } from "@slack/types";
import { capped, type ChatLink, type ChatMessage, type ChatSection } from "./message";

export const SLACK_LIMITS = {
  blocks: 50,
  headerText: 150,
  sectionText: 3000,
  fields: 10,
  fieldText: 2000,
  contextElements: 10,
  contextText: 3000,
  actionsElements: 25,
  buttonText: 75,
  url: 3000,
  actionId: 255,
} as const;

export interface SlackPayload {
  text: string;
  blocks: KnownBlock[];
}

// Slack's mrkdwn gives meaning to exactly these three characters (links, mentions such as
// <!channel>); escaped, the text shows as written. https://docs.slack.dev/messaging/formatting-message-text
export const escapeMrkdwn = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

// Cut to `max` characters, counting what Slack counts (the escaped text).
function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).replace(/&[a-z]*$/, "")}…`;
}

const mrkdwn = (text: string, max: number): MrkdwnElement => ({ type: "mrkdwn", text: cut(text, max) });

function button(link: ChatLink, actionId: string): Button {
  return {
    type: "button",
    text: { type: "plain_text", text: cut(link.label, SLACK_LIMITS.buttonText), emoji: true },
    url: link.url.slice(0, SLACK_LIMITS.url),
    action_id: actionId,
  };
}

function sectionBlocks(section: ChatSection, index: number): SectionBlock[] {
  const parts: string[] = [];
  if (section.heading) parts.push(`*${escapeMrkdwn(section.heading)}*`);
  for (const line of section.lines ?? []) parts.push(`•  ${escapeMrkdwn(line)}`);
  const blocks: SectionBlock[] = [];
  const accessory = section.link ? { accessory: button(section.link, `open-${index}`) } : {};
  if (parts.length) blocks.push({ type: "section", text: mrkdwn(parts.join("\n"), SLACK_LIMITS.sectionText), ...accessory });
  const facts = section.facts ?? [];
  for (let i = 0; i < facts.length; i += SLACK_LIMITS.fields) {
    blocks.push({
      type: "section",
      fields: facts
        .slice(i, i + SLACK_LIMITS.fields)
        .map((f) => mrkdwn(`*${escapeMrkdwn(f.label)}*\n${escapeMrkdwn(f.value)}`, SLACK_LIMITS.fieldText)),
      ...(parts.length === 0 && i === 0 ? accessory : {}),
    });
  }
  return blocks;
}

export function toSlack(message: ChatMessage): SlackPayload {
  const header: HeaderBlock = {
    type: "header",
    text: { type: "plain_text", text: cut(message.title, SLACK_LIMITS.headerText), emoji: true },
  };
  const tail: KnownBlock[] = [];
  if (message.note) {
    const context: ContextBlock = { type: "context", elements: [mrkdwn(escapeMrkdwn(message.note), SLACK_LIMITS.contextText)] };
    tail.push(context);
  }
  const { shown } = capped(message.links, SLACK_LIMITS.actionsElements);
  if (shown.length) {
    const actions: ActionsBlock = { type: "actions", elements: shown.map((l, i) => button(l, `link-${i}`)) };
    tail.push(actions);
  }
  // Whole sections only, as many as fit beside the header and the tail.
  const room = SLACK_LIMITS.blocks - 1 - tail.length;
  const body: KnownBlock[] = [];
  for (const [i, section] of message.sections.entries()) {
    const blocks = sectionBlocks(section, i);
    if (body.length + blocks.length > room) break;
    body.push(...blocks);
  }
  // `text` is shown as-is in notifications, where mrkdwn is not parsed but must still be escaped.
  return { text: cut(escapeMrkdwn(message.summary), SLACK_LIMITS.sectionText), blocks: [header, ...body, ...tail] };
}
