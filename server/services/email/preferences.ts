// Which workspace emails a person may turn off on their account page, and the reason an email
// they turned off shows in the outbox. Applied by the delivery job (deliver.ts's whyNotSend), the
// one place every workspace email passes, so turning one off also stops what is already queued;
// the in-app notifications (the bell) stay either way.
//
// - REMINDER (a survey not answered yet) follows "survey reminders".
// - SURVEY_OPEN stays on: it is the survey invitation itself, the only word a partner contact
//   gets that a cycle asks for their view; without it they would answer nothing. People can
//   still stop the reminders for one cycle from its survey.
// - EXCHANGE (news of an ask or offer) follows "action reminders": both are work between the sides.
// - INVITATION goes to someone who is not a member yet, and has no account choices to follow.
// - Account emails (reset, sign-in link, email change) always go: they answer a request.
import type { EmailKind, User } from "../../db/generated/client";

export type EmailPreference = keyof Pick<User, "emailSurveyReminders" | "emailActionReminders" | "emailAlerts" | "emailRetroSummaries">;

export const PREFERENCE_OF: Record<EmailKind, EmailPreference | null> = {
  INVITATION: null,
  SURVEY_OPEN: null,
  REMINDER: "emailSurveyReminders",
  ACTION_REMINDER: "emailActionReminders",
  ALERT: "emailAlerts",
  RETRO_SUMMARY: "emailRetroSummaries",
  WEBHOOK_DISABLED: null,
  // Asks and offers are work between the two sides, like actions: the same choice turns both off.
  EXCHANGE: "emailActionReminders",
};

export const TURNED_OFF_REASON: Record<EmailPreference, string> = {
  emailSurveyReminders: "Not sent: the recipient turned off survey reminder emails.",
  emailActionReminders: "Not sent: the recipient turned off action reminder emails.",
  emailAlerts: "Not sent: the recipient turned off alert emails.",
  emailRetroSummaries: "Not sent: the recipient turned off retro summary emails.",
};

// The reason an email of this kind is not sent to someone with these choices, or null.
export function turnedOff(kind: EmailKind, choices: Pick<User, EmailPreference>): string | null {
  const preference = PREFERENCE_OF[kind];
  return preference && !choices[preference] ? TURNED_OFF_REASON[preference] : null;
}
