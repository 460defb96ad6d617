// Words and formats of the outbox page.
export type EmailKind =
  "INVITATION" | "SURVEY_OPEN" | "REMINDER" | "ACTION_REMINDER" | "RETRO_SUMMARY" | "ALERT" | "WEBHOOK_DISABLED" | "EXCHANGE";

export const KIND_LABEL: Record<EmailKind, string> = {
  INVITATION: "Invitation",
  SURVEY_OPEN: "Survey open",
  REMINDER: "Survey reminder",
  ACTION_REMINDER: "Action reminder",
  RETRO_SUMMARY: "Retro summary",
  ALERT: "Alert",
  WEBHOOK_DISABLED: "Webhook turned off",
  EXCHANGE: "Ask or offer",
};
export const KINDS = Object.keys(KIND_LABEL) as EmailKind[];
export const isKind = (v: unknown): v is EmailKind => typeof v === "string" && v in KIND_LABEL;

export { dateTime } from "~/server/services/dates";
