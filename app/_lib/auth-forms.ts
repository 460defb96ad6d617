// What the sign-up and invitation forms do alike: point at the first field in error, and sign
// the new member in to go straight to their workspace.
import { signIn } from "next-auth/react";

// Focuses the first field named in `errors`; true when there was one.
export function focusFirstInvalid(form: HTMLFormElement, errors: object): boolean {
  const first = Object.keys(errors)[0];
  if (!first) return false;
  (form.elements.namedItem(first) as HTMLElement | null)?.focus();
  return true;
}

// Signs in and loads the workspace in full, so every server component reads the new session.
// False when signing in failed (the account exists; the person can sign in by hand).
export async function signInAndOpen(email: string, password: string, slug: string): Promise<boolean> {
  const result = await signIn("credentials", { email, password, redirect: false });
  if (!result?.ok || result.error) return false;
  // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- a full load, so every server component reads the new session.
  window.location.assign(`/w/${slug}`);
  return true;
}
