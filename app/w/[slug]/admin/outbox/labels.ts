// Words and formats of the outbox page.
export type EmailKind = "INVITATION" | "SURVEY_OPEN" | "REMINDER";

export const KIND_LABEL: Record<EmailKind, string> = { INVITATION: "Invitation", SURVEY_OPEN: "Survey open", REMINDER: "Reminder" };
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
