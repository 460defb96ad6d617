"use client";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type FormEvent, type ReactNode } from "react";
import { MIN_PASSWORD_LENGTH as MIN_PASSWORD } from "~/server/password-policy";
import { errorMessage, useTRPC } from "~/server/trpc/client";
import { Alert } from "../../_components/alert";
import { Button } from "../../_components/button";
import { TextField } from "../../_components/field";
import { signInWithToken } from "../../_lib/auth-forms";
import { fieldErrorsOf, useFormErrors } from "../../_lib/use-form-errors";

type Errors = { password?: string; confirm?: string };

export function ResetForm({ token, email }: { token: string; email: string }) {
  const trpc = useTRPC();
  const complete = useMutation(trpc.passwordReset.complete.mutationOptions());
  const [problems, setProblems] = useState<Errors>({});
  const errors = useFormErrors(complete.error, ["password", "confirm"], problems);
  // A refusal of the link itself, with a way on.
  const [problem, setProblem] = useState<ReactNode>(null);
  const [signingIn, setSigningIn] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get("password") ?? "");
    const confirm = String(form.get("confirm") ?? "");
    const found: Errors = {};
    if (password.length < MIN_PASSWORD) found.password = `Use at least ${MIN_PASSWORD} characters.`;
    else if (confirm !== password) found.confirm = "The two passwords are not the same.";
    setProblems(found);
    setProblem(null);
    if (Object.keys(found).length) return;

    let done: { email: string; signInToken: string };
    try {
      done = await complete.mutateAsync({ token, password });
    } catch (error) {
      // A problem with the password itself is shown beside it; one with the link offers a new one.
      if (Object.keys(fieldErrorsOf(error)).length) return;
      setProblem(
        <>
          {errorMessage(error)}{" "}
          <Link className="font-medium underline" href={`/signin/forgot?email=${encodeURIComponent(email)}`}>
            Ask for a new link
          </Link>
        </>,
      );
      return;
    }
    setSigningIn(true);
    const failed = await signInWithToken(done.signInToken, "/");
    if (!failed) return;
    setSigningIn(false);
    setProblem(
      <>
        Your new password is saved, but signing you in failed ({failed.error}){" "}
        <Link className="font-medium underline" href={`/signin?email=${encodeURIComponent(done.email)}`}>
          Sign in
        </Link>{" "}
        with it to continue.
      </>,
    );
  }

  const busy = complete.isPending || signingIn;
  return (
    <form id={errors.formId} onSubmit={(e) => void onSubmit(e)} className="space-y-4" noValidate>
      <Alert tone="error">{problem ?? errors.summary}</Alert>
      {/* For password managers: the account the new password belongs to. */}
      <input type="email" name="username" value={email} autoComplete="username" readOnly hidden />
      <TextField
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={MIN_PASSWORD}
        maxLength={200}
        autoFocus
        hint={`At least ${MIN_PASSWORD} characters.`}
        error={errors.field("password")}
      />
      <TextField
        label="New password again"
        name="confirm"
        type="password"
        autoComplete="new-password"
        required
        maxLength={200}
        error={errors.field("confirm")}
      />
      <Button type="submit" className="w-full" disabled={busy}>
        {signingIn ? "Signing you in…" : complete.isPending ? "Saving…" : "Save password and sign in"}
      </Button>
    </form>
  );
}
