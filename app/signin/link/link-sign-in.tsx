"use client";
import { useState } from "react";
import { Alert } from "../../_components/alert";
import { Button } from "../../_components/button";
import { signInWithToken } from "../../_lib/auth-forms";
import { LinkRequestForm } from "../link-request-form";

// The one button that uses the link (a POST through next-auth), then goes where the link leads:
// a path of this site, as the server decided when it read the link.
export function LinkSignIn({ token, email, next }: { token: string; email: string; next: string }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function go() {
    setPending(true);
    setError(null);
    const failed = await signInWithToken(token, next);
    if (!failed) return;
    setPending(false);
    setError(failed.error);
  }

  if (error) {
    return (
      <div className="space-y-4">
        <Alert tone="error">{error}</Alert>
        <LinkRequestForm defaultEmail={email} next={next} />
      </div>
    );
  }
  return (
    <Button className="w-full" disabled={pending} onClick={() => void go()} autoFocus>
      {pending ? "Signing in…" : `Sign in as ${email}`}
    </Button>
  );
}
