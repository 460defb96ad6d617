"use client";
import { useState, type FormEvent } from "react";
import { Alert } from "../_components/alert";
import { Button } from "../_components/button";
import { TextField } from "../_components/field";

// "Sign in with single sign-on": the work email's domain picks the company's identity provider.
// The server answers where to send the browser (and keeps the sign-in's state in a cookie), or
// says in words why it cannot (no SSO for that domain, provider unreachable).
export function SsoSignIn({ next, defaultEmail }: { next: string; defaultEmail: string }) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get("email") ?? "");
    setPending(true);
    setError(null);
    try {
      const response = await fetch("/api/sso/start", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email, next }),
      });
      const body = (await response.json().catch(() => ({}))) as { url?: string; error?: string };
      if (response.ok && body.url) {
        window.location.assign(body.url);
        return;
      }
      setError(body.error ?? "Single sign-on could not start. Please try again.");
    } catch {
      setError("Could not reach the server. Check your connection and try again.");
    }
    setPending(false);
  }

  if (!open) {
    return (
      <div className="mt-6 border-t border-slate-200 pt-6">
        <Button variant="secondary" className="w-full" onClick={() => setOpen(true)}>
          Sign in with single sign-on
        </Button>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} className="mt-6 space-y-4 border-t border-slate-200 pt-6" noValidate aria-label="Sign in with single sign-on">
      <Alert tone="error">{error}</Alert>
      <TextField
        label="Work email"
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={defaultEmail}
        autoFocus
        hint="Your company's identity provider is found from your email's domain."
      />
      <Button type="submit" variant="secondary" className="w-full" disabled={pending}>
        {pending ? "Going to your identity provider…" : "Continue with single sign-on"}
      </Button>
    </form>
  );
}
