// Words and formats of the outbox page.
export type EmailKind = "INVITATION" | "SURVEY_OPEN" | "REMINDER" | "ACTION_REMINDER" | "RETRO_SUMMARY" | "ALERT";

export const KIND_LABEL: Record<EmailKind, string> = {
  INVITATION: "Invitation",
  SURVEY_OPEN: "Survey open",
  REMINDER: "Survey reminder",
  ACTION_REMINDER: "Action reminder",
  RETRO_SUMMARY: "Retro summary",
  ALERT: "Alert",
};
export const KINDS = Object.keys(KIND_LABEL) as EmailKind[];
export const isKind = (v: unknown): v is EmailKind => typeof v === "string" && v in KIND_LABEL;

const dateTimeFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
  timeZoneName: "short",
});
export const dateTime = (d: Date | string) => dateTimeFormat.format(new Date(d));
