// What the sign-up, invitation and emailed-link forms do alike: point at the first field in
// error, and sign in with the one-time token a link's page was just given, to go straight on.
import { signIn } from "next-auth/react";

// Focuses the first field named in `errors`; true when there was one.
export function focusFirstInvalid(form: HTMLFormElement, errors: object): boolean {
  const first = Object.keys(errors)[0];
  if (!first) return false;
  (form.elements.namedItem(first) as HTMLElement | null)?.focus();
  return true;
}

// Signs in through next-auth's "email-link" provider (an emailed sign-in link, or the token a
// reset, sign-up or invitation hands over: server/services/accounts/handoff.ts) and loads `path`
// in full, so every server component reads the new session. The refusal's words when it fails.
export async function signInWithToken(token: string, path: string): Promise<{ error: string } | null> {
  const result = await signIn("email-link", { token, redirect: false });
  if (!result?.ok || result.error) {
    return { error: result?.error && result.error !== "CredentialsSignin" ? result.error : "Signing in with this link failed." };
  }
  window.location.assign(path);
  return null;
}
