// The reminder the side that owes an accepted ask gets once its by-when date has passed, like an
// overdue action's (action-reminder.ts). A function of its input alone, so the job builds it
// inside its transaction.
import { weekdayDay } from "../dates";
import { appUrl } from "./app-url";
import type { Email } from "./templates";

export interface AskReminderInput {
  workspaceName: string;
  recipientName: string;
  partnershipName: string;
  // The side that asked: the workspace's company or the partner organisation.
  askerName: string;
  title: string;
  dueDate: Date;
  // The partnership's page, /w/<slug>/partnerships/<id>.
  path: string;
}

export function askReminderEmail(input: AskReminderInput): Email {
  const link = appUrl(input.path);
  const due = weekdayDay(input.dueDate);
  return {
    subject: `Overdue: ${input.askerName}'s ask "${input.title}" was due on ${due}`,
    link,
    text: [
      `Hello ${input.recipientName},`,
      "",
      `Your side of the ${input.partnershipName} partnership accepted an ask from ${input.askerName} that was due on ${due} and is not delivered yet:`,
      `  ${input.title}`,
      "",
      "Please deliver it and tell them, or agree a new date with them (they can ask again), or mark it lapsed if it will not happen:",
      link,
      "",
      `You are receiving this because you work on this partnership in ${input.workspaceName}. Turn these emails off with "action reminders" on your account page.`,
      "",
      "— Partnership Health",
    ].join("\n"),
  };
}
