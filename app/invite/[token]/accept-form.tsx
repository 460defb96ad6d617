"use client";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type FormEvent, type ReactNode } from "react";
import { errorMessage, useTRPC } from "~/server/trpc/client";
import { Alert } from "../../_components/alert";
import { Button } from "../../_components/button";
import { TextField } from "../../_components/field";
import { fieldError } from "../../_lib/field-error";

import { MIN_PASSWORD_LENGTH as MIN_PASSWORD } from "~/server/password-policy";
import { focusFirstInvalid, signInAndOpen } from "../../_lib/auth-forms";

export function AcceptForm({
  token,
  email,
  hasAccount,
  workspaceName,
}: {
  token: string;
  email: string;
  hasAccount: boolean;
  workspaceName: string;
}) {
  const trpc = useTRPC();
  const accept = useMutation(trpc.invitation.accept.mutationOptions());
  const [errors, setErrors] = useState<{ name?: string; password?: string }>({});
  const [problem, setProblem] = useState<ReactNode>(null);
  const [signingIn, setSigningIn] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formEl = event.currentTarget;
    const form = new FormData(formEl);
    const name = String(form.get("name") ?? "").trim();
    const password = String(form.get("password") ?? "");
    const found: { name?: string; password?: string } = {};
    if (!hasAccount && !name) found.name = "Please enter your name.";
    if (!password) found.password = "Please enter your password.";
    else if (!hasAccount && password.length < MIN_PASSWORD) found.password = `Use at least ${MIN_PASSWORD} characters.`;
    setErrors(found);
    setProblem(null);
    if (focusFirstInvalid(formEl, found)) return;

    let joined: { email: string; workspaceSlug: string };
    try {
      joined = await accept.mutateAsync({ token, password, newAccount: !hasAccount, ...(hasAccount ? {} : { name }) });
    } catch (error) {
      setProblem(errorMessage(error));
      return;
    }
    setSigningIn(true);
    if (await signInAndOpen(joined.email, password, joined.workspaceSlug)) return;
    setSigningIn(false);
    setProblem(
      <>
        You have joined {workspaceName}, but signing you in failed.{" "}
        <Link
          className="font-medium underline"
          href={`/signin?email=${encodeURIComponent(joined.email)}&callbackUrl=${encodeURIComponent(`/w/${joined.workspaceSlug}`)}`}
        >
          Sign in
        </Link>{" "}
        to continue.
      </>,
    );
  }

  const busy = accept.isPending || signingIn;
  return (
    <form onSubmit={(e) => void onSubmit(e)} className="space-y-4" noValidate>
      <Alert tone="error">{problem}</Alert>
      <TextField
        label="Email"
        name="email"
        type="email"
        value={email}
        readOnly
        autoComplete="username"
        hint="The invitation is for this address."
        className="bg-slate-50 text-slate-700"
      />
      {hasAccount ? null : (
        <TextField
          label="Your name"
          name="name"
          autoComplete="name"
          required
          maxLength={80}
          autoFocus
          error={errors.name ?? fieldError(accept.error, "name")}
        />
      )}
      <TextField
        label={hasAccount ? "Your password" : "Choose a password"}
        name="password"
        type="password"
        autoComplete={hasAccount ? "current-password" : "new-password"}
        required
        maxLength={200}
        autoFocus={hasAccount}
        hint={hasAccount ? "The password you already use to sign in." : `At least ${MIN_PASSWORD} characters.`}
        error={errors.password ?? fieldError(accept.error, "password")}
      />
      <Button type="submit" className="w-full" disabled={busy}>
        {signingIn ? "Signing you in…" : accept.isPending ? "Joining…" : `Join ${workspaceName}`}
      </Button>
    </form>
  );
}
