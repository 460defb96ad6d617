// The reminder an action's owner gets a few days before its by-when date, and once when the date
// has passed. A function of its input alone, so the job builds it inside its transaction.
import type { ActionReminderKind } from "../../db/generated/client";
import { weekdayDay } from "../dates";
import { appUrl } from "./app-url";
import type { Email } from "./templates";

export interface ActionReminderInput {
  kind: ActionReminderKind;
  workspaceName: string;
  recipientName: string;
  partnershipName: string;
  title: string;
  dueDate: Date;
  // The action's page, /w/<slug>/partnerships/<id>/actions/<actionId>.
  path: string;
  // Today, as midnight UTC, for "due in N days".
  today: Date;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function when(dueDate: Date, today: Date): string {
  const days = Math.round((dueDate.getTime() - today.getTime()) / DAY_MS);
  if (days <= 0) return "today";
  if (days === 1) return "tomorrow";
  return `in ${days} days`;
}

export function actionReminderEmail(input: ActionReminderInput): Email {
  const link = appUrl(input.path);
  const due = weekdayDay(input.dueDate);
  const soon = input.kind === "DUE_SOON";
  return {
    subject: soon ? `Reminder: "${input.title}" is due ${when(input.dueDate, input.today)}` : `Overdue: "${input.title}" was due on ${due}`,
    link,
    text: [
      `Hello ${input.recipientName},`,
      "",
      soon
        ? `You own an action of the ${input.partnershipName} partnership that is due ${when(input.dueDate, input.today)}, on ${due}:`
        : `An action of the ${input.partnershipName} partnership that you own was due on ${due} and is not marked done yet:`,
      `  ${input.title}`,
      "",
      soon
        ? "If it is done, mark it done; if the date no longer holds, agree a new one with the partnership and change it:"
        : "Please mark it done, or agree a new date with the partnership and change it (or drop the action if it no longer matters):",
      link,
      "",
      `You are receiving this because you own this action in ${input.workspaceName}.`,
      "",
      "— Partnership Health",
    ].join("\n"),
  };
}
