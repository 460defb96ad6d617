// The words of the account page's emails: confirming a new email address, the answer when that
// address already has an account, and the notice to the old address once the change is made.
import { dateTime } from "../dates";
import { appUrl } from "../email/app-url";
import type { NewAccountEmail } from "./account-emails";

const lines = (...parts: string[]) => parts.join("\n");
const SIGNATURE = "— Partnership Health";

export function emailChangeConfirmEmail(input: { to: string; name: string; token: string; hours: number }): NewAccountEmail {
  const link = appUrl(`/account/email?token=${encodeURIComponent(input.token)}`);
  return {
    kind: "EMAIL_CHANGE",
    to: input.to,
    subject: "Confirm your new email address for Partnership Health",
    text: lines(
      `Hello ${input.name},`,
      "",
      "You asked to use this address for your Partnership Health account. To confirm it, open this link",
      `and sign in to your account (it works once, for the next ${input.hours} hours):`,
      "",
      link,
      "",
      "Until you confirm, your account keeps its current address. If you did not ask for this, ignore",
      "this email: nothing changes without the link and the account's sign-in.",
      "",
      SIGNATURE,
    ),
    link,
  };
}

// Sent instead of a confirmation link when the address already belongs to an account: the person
// who asked is told the same as for any address ("we sent a link"), so the form cannot be used to
// find out who has an account; only whoever reads this inbox learns why it cannot be used.
export function emailChangeTakenEmail(input: { to: string }): NewAccountEmail {
  const link = appUrl("/signin");
  return {
    kind: "EMAIL_CHANGE",
    to: input.to,
    subject: "This address cannot be used for another Partnership Health account",
    text: lines(
      "Hello,",
      "",
      "Someone signed in to Partnership Health asked to move their account to this email address. This",
      "address already belongs to a Partnership Health account, so it cannot be used for another one, and",
      "nothing was changed.",
      "",
      "If that was you, you already have an account with this address: sign in with it instead.",
      link,
      "",
      "If it was not you, you can ignore this email.",
      "",
      SIGNATURE,
    ),
    link,
  };
}

export function emailChangedNotice(input: { to: string; name: string; newEmail: string; at: Date }): NewAccountEmail {
  return {
    kind: "EMAIL_CHANGED_NOTICE",
    to: input.to,
    subject: "The email address of your Partnership Health account was changed",
    text: lines(
      `Hello ${input.name},`,
      "",
      `On ${dateTime(input.at)} the email address of your Partnership Health account was changed from`,
      `${input.to} to ${input.newEmail}. From now on, sign in with the new address; emails go there,`,
      "not here. Every other signed-in browser of the account was signed out.",
      "",
      "If you did not make this change, someone may have your password: tell your workspace admin at once,",
      "so they can remove the account's access while it is sorted out.",
      "",
      SIGNATURE,
    ),
    link: null,
  };
}
