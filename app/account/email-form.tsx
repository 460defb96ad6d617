"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "~/server/trpc/client";
import { Alert } from "../_components/alert";
import { Button } from "../_components/button";
import { TextField } from "../_components/field";
import { useFormErrors } from "../_lib/use-form-errors";
import { FreshSignInNote } from "./fresh-sign-in-note";

// The new address gets a link; the address changes only once the link is followed (signed in).
export function EmailForm({ email, hasPassword, recentlyProved }: { email: string; hasPassword: boolean; recentlyProved: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [problems, setProblems] = useState<{ email?: string; currentPassword?: string }>({});
  const request = useMutation(
    trpc.account.requestEmailChange.mutationOptions({
      onSuccess: () => router.refresh(),
    }),
  );
  const errors = useFormErrors(request.error, ["email", "currentPassword"], problems);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = String(form.get("email") ?? "").trim();
    const currentPassword = hasPassword ? String(form.get("currentPassword") ?? "") : null;
    const found = {
      ...(next.includes("@") ? {} : { email: "Enter the new email address." }),
      ...(hasPassword && !currentPassword ? { currentPassword: "Enter your current password." } : {}),
    };
    setProblems(found);
    if (Object.keys(found).length) return;
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
        <form id={errors.formId} onSubmit={onSubmit} className="space-y-3" noValidate>
          <TextField
            label="New email address"
            name="email"
            type="email"
            autoComplete="email"
            maxLength={200}
            error={errors.field("email")}
            onChange={() => request.reset()}
          />
          {hasPassword ? (
            <TextField
              label="Current password"
              name="currentPassword"
              type="password"
              autoComplete="current-password"
              hint="So that nobody at an unattended screen can move your account."
              error={errors.field("currentPassword")}
            />
          ) : null}
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" disabled={request.isPending}>
              {request.isPending ? "Sending…" : "Send confirmation link"}
            </Button>
          </div>
          <Alert tone="error">{errors.summary}</Alert>
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
