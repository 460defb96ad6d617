// What a personal survey link's refusals say (server/access/survey-link.ts). Pure, so the access
// tests and the pages can use them without the database.
import { longDay } from "../services/dates";

// A link's own procedures, asked without a link.
export const LINK_NEEDED = "Please open the personal link from your survey email, or sign in.";
export const LINK_NOT_VALID =
  "This survey link is not valid. Open the link from your latest survey email again (the whole of it), or sign in.";
export const LINK_NOT_MEMBER = "This survey link is no longer valid: it belongs to someone who is no longer a member of this workspace.";
export const linkExpired = (cycle: { label: string; closesAt: Date; closedAt: Date | null }) =>
  `This survey link has expired: the ${cycle.label} survey closed on ${longDay(cycle.closedAt ?? cycle.closesAt)}.`;
export const linkNotOpen = (label: string) => `This survey link does not work yet: the ${label} survey is not open.`;
export const linkNotAsked = (label: string) =>
  `This survey link is no longer valid: you are no longer asked to answer the ${label} survey.`;
export const outsideLink = (label: string) =>
  `Your personal survey link opens only your own ${label} surveys. Please sign in for anything else.`;
