// What each email says, as plain text. Functions of their input alone (a reminder reads the clock
// only when not given `now`), so a job can build them inside its transaction and tests can read them.
import type { ReminderKind, Role } from "../../db/generated/client";
import { appUrl } from "./app-url";
import { longDay } from "../dates";

export interface Email {
  subject: string;
  text: string;
  link: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

const ROLE_PHRASE: Record<Role, string> = {
  OWNER: "an owner",
  ADMIN: "an admin",
  MANAGER: "an alliance manager",
  EXECUTIVE: "an executive",
  PARTNER: "a partner contact",
};

// Cycles close at an exact moment (midnight UTC of the chosen day), so the time is part of it.
const closeFormat = new Intl.DateTimeFormat("en-GB", {
  weekday: "short",
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
  timeZoneName: "short",
});

const lines = (...parts: (string | null)[]) => parts.filter((p) => p !== null).join("\n");
const bullets = (items: string[]) => items.map((i) => `  - ${i}`).join("\n");
const inDays = (n: number) => (n <= 1 ? "within a day" : `in ${n} days`);
const SIGNATURE = "— Partnership Health";

export interface InvitationEmailInput {
  workspaceName: string;
  inviterName: string;
  role: Role;
  // For a partner contact: the organisation whose partnerships they will see.
  partnerOrgName?: string | null;
  // The invitation's path, /invite/<token>.
  path: string;
  expiresAt: Date;
  now: Date;
}

export function invitationEmail(input: InvitationEmailInput): Email {
  const link = appUrl(input.path);
  const as = ROLE_PHRASE[input.role] + (input.role === "PARTNER" && input.partnerOrgName ? ` for ${input.partnerOrgName}` : "");
  const days = Math.round((input.expiresAt.getTime() - input.now.getTime()) / DAY_MS);
  return {
    subject: `${input.inviterName} invited you to ${input.workspaceName} on Partnership Health`,
    link,
    text: lines(
      "Hello,",
      "",
      `${input.inviterName} has invited you to join ${input.workspaceName} on Partnership Health as ${as}.`,
      "",
      "To accept, open this link and choose your password (or confirm the one of your existing account):",
      link,
      "",
      `The link works once and expires ${inDays(days)}, on ${longDay(input.expiresAt)}. If it has expired, ask ${input.inviterName} for a new one.`,
      "If you were not expecting this invitation, you can ignore this email.",
      "",
      SIGNATURE,
    ),
  };
}

export interface SurveyEmailInput {
  workspaceName: string;
  workspaceSlug: string;
  cycleLabel: string;
  closesAt: Date;
  // The partnerships this person is asked about in the cycle.
  partnershipNames: string[];
  recipientName: string;
  // The recipient's personal link to their surveys of the cycle (services/survey-links/issue.ts).
  personalLink: string;
}

export interface ReminderEmailInput extends SurveyEmailInput {
  // "OPENED" | "WEEK_IN" | "CLOSING_SOON"
  kind: ReminderKind;
  // The moment the reminder goes out, for "closes in N days"; defaults to the current time.
  now?: Date;
}

// The personal link opens the surveys, and only them; the rest of the app asks for a sign-in.
const personalLinkNote = (closesAt: Date) =>
  `This link is personal: it opens your surveys without a password until the survey closes on ${closeFormat.format(closesAt)}. Please do not forward it.`;
const signInLine = (slug: string) => `To see your scorecards and everything else, sign in at ${appUrl(`/w/${slug}`)}.`;
function about(names: string[]) {
  if (names.length === 0) return null;
  if (names.length === 1) return `It asks about one partnership: ${names[0]}.`;
  return `It asks about these ${names.length} partnerships:\n${bullets(names)}`;
}

export function surveyOpenEmail(input: SurveyEmailInput): Email {
  const link = input.personalLink;
  return {
    subject: `The ${input.cycleLabel} partnership survey of ${input.workspaceName} is open`,
    link,
    text: lines(
      `Hello ${input.recipientName},`,
      "",
      `The ${input.cycleLabel} partnership survey of ${input.workspaceName} is open until ${closeFormat.format(input.closesAt)}.`,
      about(input.partnershipNames),
      "",
      "It takes about five minutes per partnership, and your answers are saved as you go. Open your survey here:",
      link,
      "",
      personalLinkNote(input.closesAt),
      "Until you submit, we will send you a reminder or two. To stop them for this cycle, mute reminders from the survey page.",
      signInLine(input.workspaceSlug),
      "",
      SIGNATURE,
    ),
  };
}

export function reminderEmail(input: ReminderEmailInput): Email {
  const link = input.personalLink;
  const survey = `The ${input.cycleLabel} partnership survey of ${input.workspaceName}`;
  const daysLeft = Math.max(1, Math.ceil((input.closesAt.getTime() - (input.now ?? new Date()).getTime()) / DAY_MS));
  const headline = {
    OPENED: `${survey} is open and waiting for your answers`,
    WEEK_IN: `${survey} is still waiting for your answers`,
    CLOSING_SOON: `${survey} closes ${inDays(daysLeft)}`,
  }[input.kind];
  return {
    subject: `Reminder: ${headline}`,
    link,
    text: lines(
      `Hello ${input.recipientName},`,
      "",
      `${headline}${input.kind === "CLOSING_SOON" ? ", on" : ". It closes on"} ${closeFormat.format(input.closesAt)}.`,
      about(input.partnershipNames),
      "",
      "Your answers are saved as you go, so you can stop and pick up where you left off. Open your survey here:",
      link,
      "",
      personalLinkNote(input.closesAt),
      "You are receiving this because you have not submitted yet. To stop the reminders for this cycle, mute them from the survey page.",
      signInLine(input.workspaceSlug),
      "",
      SIGNATURE,
    ),
  };
}
