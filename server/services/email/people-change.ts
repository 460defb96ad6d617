// What admins are told when a member's change of role, organisation or membership leaves
// partnerships without an owner, and what a new owner of a handed-over action is told. Pure
// functions of their input, like templates.ts.
import { appUrl } from "./app-url";
import type { Email } from "./templates";

export interface NoticeText {
  title: string;
  body: string;
}

// Why the person no longer owns a partnership, as the end of a sentence about them.
export interface OwnerGone {
  memberName: string;
  // "left the workspace", "is now an executive", ...
  why: string;
}

export function ownerNeededNotice(partnershipName: string, gone: OwnerGone): NoticeText {
  return {
    title: `${partnershipName} needs an owner`,
    body: `${gone.memberName} ${gone.why}, so no longer owns ${partnershipName}. Choose a new owner to run its retros, actions and renewal.`,
  };
}

export function ownerNeededEmail(input: {
  workspaceName: string;
  recipientName: string;
  gone: OwnerGone;
  partnershipNames: string[];
  // The admin page where partnerships get their owners.
  path: string;
}): Email {
  const link = appUrl(input.path);
  const names = input.partnershipNames;
  const one = names.length === 1;
  return {
    subject: one ? `${names[0]} needs an owner` : `${names.length} partnerships need an owner`,
    link,
    text: [
      `Hello ${input.recipientName},`,
      "",
      `${input.gone.memberName} ${input.gone.why}, so ${one ? "this partnership of" : "these partnerships of"} ${input.workspaceName} no longer ${one ? "has an owner" : "have owners"}:`,
      ...names.map((n) => `  - ${n}`),
      "",
      "Until someone owns them, their alerts come to the workspace's admins and only admins can run their retros and renewal. Choose a new owner here:",
      link,
      "",
      "You receive this as a workspace admin.",
      "",
      "— Partnership Health",
    ].join("\n"),
  };
}

export function actionHandedOverNotice(input: { title: string; partnershipName: string; gone: OwnerGone }): NoticeText {
  return {
    title: `"${input.title}" is yours now`,
    body: `${input.partnershipName}: ${input.gone.memberName} owned this action and ${input.gone.why}, so it was handed to you as the partnership's owner.`,
  };
}
