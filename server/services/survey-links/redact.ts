// A personal survey link is its recipient's key to their answers, so nobody else reads it: the
// admins' outbox shows the email without it, and once the email is sent (or dropped) the stored
// copy loses it too, leaving only the hash in SurveyLink. Until then the outbox row is the only
// place the link is kept, because the delivery job must send it.
const PERSONAL_LINK = /\S*\/s\/[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g;

export const HIDDEN_LINK = "[personal survey link, shown only to its recipient]";

export const hasPersonalLink = (text: string | null | undefined) => typeof text === "string" && new RegExp(PERSONAL_LINK.source).test(text);

export function hidePersonalLinks(text: string): string;
export function hidePersonalLinks(text: string | null): string | null;
export function hidePersonalLinks(text: string | null): string | null {
  return text === null ? null : text.replace(PERSONAL_LINK, HIDDEN_LINK);
}
