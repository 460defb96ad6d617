"use client";
import Link from "next/link";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { safeRedirectPath } from "~/server/http/safe-redirect";
import { Alert } from "../_components/alert";
import { Button } from "../_components/button";
import { TextField } from "../_components/field";
import { LinkRequestForm } from "./link-request-form";

const switchClass = "text-sm font-medium text-brand-700 hover:underline";

// Two ways in: a password, or a one-time link emailed to the address. The address typed carries
// over between them and to "Forgot your password?".
export function SignInForm({ next, defaultEmail }: { next: string; defaultEmail: string }) {
  const [mode, setMode] = useState<"password" | "link">("password");
  const [email, setEmail] = useState(defaultEmail);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  if (mode === "link") {
    return (
      <LinkRequestForm
        defaultEmail={email}
        next={next}
        autoFocus
        footer={
          <p className="text-center">
            <button type="button" className={switchClass} onClick={() => setMode("password")}>
              Sign in with a password instead
            </button>
          </p>
        }
      />
    );
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      email,
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

  const forgot = `/signin/forgot${email.trim() ? `?email=${encodeURIComponent(email.trim())}` : ""}`;
  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <Alert tone="error">{error}</Alert>
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          autoFocus
        />
        <div className="space-y-1">
          <TextField label="Password" name="password" type="password" autoComplete="current-password" required />
          <p className="text-right">
            <Link className={switchClass} href={forgot}>
              Forgot your password?
            </Link>
          </p>
        </div>
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? "Signing in…" : "Sign in"}
        </Button>
      </form>
      <div className="flex items-center gap-3 text-xs text-slate-500" aria-hidden="true">
        <span className="h-px flex-1 bg-slate-200" />
        or
        <span className="h-px flex-1 bg-slate-200" />
      </div>
      <Button variant="secondary" className="w-full" onClick={() => setMode("link")}>
        Email me a sign-in link
      </Button>
    </div>
  );
}
