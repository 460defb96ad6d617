// What we post to Slack and Microsoft Teams, before either platform's format: a small model the
// events build (events.ts) and the two formatters turn into Block Kit (slack.ts) and an Adaptive
// Card (teams.ts). Every string is plain text: the formatters escape it for their platform, so a
// partnership named "<!channel>" or a retro item written as a Markdown link stays text.
export type ChatPlatformName = "SLACK" | "TEAMS";

export const PLATFORM_NAME: Record<ChatPlatformName, string> = { SLACK: "Slack", TEAMS: "Microsoft Teams" };

export interface ChatLink {
  label: string;
  // Absolute, into the app (email/app-url.ts).
  url: string;
}

export interface ChatFact {
  label: string;
  value: string;
}

export interface ChatSection {
  heading?: string;
  // Shown as a list, one item per line.
  lines?: string[];
  facts?: ChatFact[];
  // Where this section's subject is in the app (a partnership's scorecard, its actions).
  link?: ChatLink;
}

export interface ChatMessage {
  title: string;
  // One sentence: the notification's text, and what a client that cannot show the rest shows.
  summary: string;
  sections: ChatSection[];
  // Small print under the message: why it was sent, how often.
  note?: string;
  links: ChatLink[];
}

// What kind of event a message reports: stored with it, for the log and the tests.
export type ChatKind = "ALERTS" | "CYCLE_OPENED" | "RESPONSE_RATES" | "OVERDUE_ACTIONS" | "RETRO_SUMMARY" | "TEST";

export interface ChatPost {
  kind: ChatKind;
  // The event's name: a message with the same key is posted once per integration.
  dedupeKey: string;
  message: ChatMessage;
}

// Lists longer than this end with "and N more": a channel message is a pointer into the app, not
// the app itself, and both platforms cap a message's size (Slack 50 blocks; Teams about 28 KB).
export const MAX_SECTIONS = 10;
export const MAX_LINES = 15;

export function capped<T>(items: readonly T[], max: number): { shown: T[]; more: number } {
  return { shown: items.slice(0, max), more: Math.max(0, items.length - max) };
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
