// The words of the emails of password reset and sign-up. Links are absolute (appUrl) and carry a
// one-time token.
//
// None of them repeats anything the requester typed (a name, a workspace name): these forms can
// be filled in by anyone for any address, and an email carrying a stranger's text would let them
// write to that address through us. The page the link opens shows those details instead.
import { appUrl } from "../email/app-url";
import type { NewAccountEmail } from "./account-emails";

const tokenLink = (path: string, token: string) => appUrl(`${path}?token=${encodeURIComponent(token)}`);
const withEmail = (path: string, email: string) => appUrl(`${path}?email=${encodeURIComponent(email)}`);

export function passwordResetEmail(to: string, token: string, minutes: number): NewAccountEmail {
  const link = tokenLink("/signin/reset", token);
  return {
    kind: "PASSWORD_RESET",
    to,
    subject: "Choose a new password for Partnership Health",
    text: [
      "Hello,",
      "",
      "Someone (probably you) asked to choose a new password for the Partnership Health account of this address.",
      `Use this link to choose it. It works once, for the next ${minutes} minutes:`,
      "",
      link,
      "",
      "Choosing a new password signs you out everywhere else.",
      "",
      "If you did not ask, you can ignore this email: your password stays as it is.",
    ].join("\n"),
    link,
  };
}

export function signUpConfirmEmail(to: string, token: string, hours: number): NewAccountEmail {
  const link = tokenLink("/signup/confirm", token);
  return {
    kind: "SIGN_UP_CONFIRM",
    to,
    subject: "Confirm your email to create your Partnership Health workspace",
    text: [
      "Hello,",
      "",
      "Someone (probably you) asked to create a Partnership Health workspace with this address.",
      `To confirm it is yours and finish creating the workspace, use this link. It works once, for the next ${hours} hours:`,
      "",
      link,
      "",
      "If you did not ask, you can ignore this email: nothing is created without the link.",
    ].join("\n"),
    link,
  };
}

// To an address that already has an account: no second account, a way in instead.
export function signUpExistingEmail(to: string, signInToken: string, minutes: number): NewAccountEmail {
  const link = tokenLink("/signin/link", signInToken);
  return {
    kind: "SIGN_UP_EXISTING",
    to,
    subject: "You already have a Partnership Health account",
    text: [
      "Hello,",
      "",
      "Someone (probably you) asked to create a Partnership Health workspace with this address.",
      "This address already has an account, so no new one was made. Once signed in, you can create",
      "another workspace from your list of workspaces.",
      "",
      `Sign in with this link. It works once, for the next ${minutes} minutes:`,
      "",
      link,
      "",
      `Or sign in with your password: ${withEmail("/signin", to)}`,
      `Forgot your password? Choose a new one: ${withEmail("/signin/forgot", to)}`,
      "",
      "If you did not ask, you can ignore this email: nothing has changed.",
    ].join("\n"),
    link,
  };
}
