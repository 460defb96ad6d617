"use client";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { safeRedirectPath } from "~/server/http/safe-redirect";
import { Alert } from "../_components/alert";
import { Button } from "../_components/button";
import { TextField } from "../_components/field";

export function SignInForm({ next, defaultEmail }: { next: string; defaultEmail: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      email: String(form.get("email")),
      password: String(form.get("password")),
      redirect: false,
    });
    if (result?.ok && !result.error) {
      // A full navigation, so every server component reads the new session; checked again here,
      // so this form never sends anyone off the site whatever it was handed.
      window.location.assign(safeRedirectPath(next, window.location.origin));
      return;
    }
    setPending(false);
    setError(result?.error && result.error !== "CredentialsSignin" ? result.error : "Wrong email or password.");
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <Alert tone="error">{error}</Alert>
      <TextField label="Email" name="email" type="email" autoComplete="email" required defaultValue={defaultEmail} autoFocus />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
