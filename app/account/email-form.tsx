"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { errorMessage, useTRPC } from "~/server/trpc/client";
import { Alert } from "../_components/alert";
import { Button } from "../_components/button";
import { TextField } from "../_components/field";
import { fieldError } from "../_lib/field-error";
import { FreshSignInNote } from "./fresh-sign-in-note";

// The new address gets a link; the address changes only once the link is followed (signed in).
export function EmailForm({ email, hasPassword, recentlyProved }: { email: string; hasPassword: boolean; recentlyProved: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [problem, setProblem] = useState<string | null>(null);
  const request = useMutation(
    trpc.account.requestEmailChange.mutationOptions({
      onSuccess: () => router.refresh(),
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = String(form.get("email") ?? "").trim();
    const currentPassword = hasPassword ? String(form.get("currentPassword") ?? "") : null;
    setProblem(
      !next.includes("@") ? "Enter the new email address." : hasPassword && !currentPassword ? "Enter your current password." : null,
    );
    if (!next.includes("@") || (hasPassword && !currentPassword)) return;
    request.mutate({ email: next, currentPassword }, { onSuccess: () => (event.target as HTMLFormElement).reset() });
  }

  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-700">
        Now: <span className="font-medium text-slate-900">{email}</span>
      </p>
      {!hasPassword && !recentlyProved ? (
        <FreshSignInNote what="change it" />
      ) : (
        <form onSubmit={onSubmit} className="space-y-3" noValidate>
          <TextField
            label="New email address"
            name="email"
            type="email"
            autoComplete="email"
            maxLength={200}
            error={fieldError(request.error, "email")}
            onChange={() => request.reset()}
          />
          {hasPassword ? (
            <TextField
              label="Current password"
              name="currentPassword"
              type="password"
              autoComplete="current-password"
              hint="So that nobody at an unattended screen can move your account."
            />
          ) : null}
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" disabled={request.isPending}>
              {request.isPending ? "Sending…" : "Send confirmation link"}
            </Button>
          </div>
          <Alert tone="error">
            {problem ?? (request.error && !fieldError(request.error, "email") ? errorMessage(request.error) : null)}
          </Alert>
          {request.data ? (
            <Alert tone="success">
              We sent a confirmation link to {request.data.sentTo}. Open it within {request.data.hours} hours and sign in to confirm; until
              then your address stays {email}.
            </Alert>
          ) : null}
        </form>
      )}
    </div>
  );
}
