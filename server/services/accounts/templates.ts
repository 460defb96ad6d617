// The words of the account emails. Links are absolute (appUrl) and carry a one-time token.
import { appUrl } from "../email/app-url";
import type { NewAccountEmail } from "./account-emails";

export function signInLinkEmail(to: string, token: string, minutes: number): NewAccountEmail {
  const link = appUrl(`/signin/link?token=${encodeURIComponent(token)}`);
  return {
    kind: "SIGN_IN_LINK",
    to,
    subject: "Your sign-in link for Partnership Health",
    text: [
      "Hello,",
      "",
      "Use this link to sign in to Partnership Health. It works once, for the next " + `${minutes} minutes:`,
      "",
      link,
      "",
      "If you did not ask for it, you can ignore this email: nobody can sign in without the link.",
    ].join("\n"),
    link,
  };
}
