"use client";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type FormEvent, type ReactNode } from "react";
import { errorMessage, useTRPC } from "~/server/trpc/client";
import { Alert } from "../_components/alert";
import { Button } from "../_components/button";
import { TextField } from "../_components/field";
import { fieldError } from "../_lib/field-error";
import { SLUG_PATTERN, SLUG_RULE, WorkspaceFields } from "../workspaces/workspace-fields";

import { MIN_PASSWORD_LENGTH as MIN_PASSWORD } from "~/server/password-policy";
import { focusFirstInvalid, signInAndOpen } from "../_lib/auth-forms";

type Field = "name" | "email" | "password" | "workspaceName" | "slug";

function validate(values: Record<Field, string>): Partial<Record<Field, string>> {
  const errors: Partial<Record<Field, string>> = {};
  if (!values.name.trim()) errors.name = "Please enter your name.";
  if (!/^\S+@\S+\.\S+$/.test(values.email.trim())) errors.email = "Please enter a valid email address.";
  if (values.password.length < MIN_PASSWORD) errors.password = `Use at least ${MIN_PASSWORD} characters.`;
  if (values.workspaceName.trim().length < 2) errors.workspaceName = "Please enter a name of at least 2 characters.";
  if (!SLUG_PATTERN.test(values.slug)) errors.slug = SLUG_RULE;
  return errors;
}

export function SignUpForm() {
  const trpc = useTRPC();
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [problem, setProblem] = useState<ReactNode>(null);
  const [signingIn, setSigningIn] = useState(false);
  const signUp = useMutation(trpc.workspace.signUp.mutationOptions());

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formEl = event.currentTarget;
    const form = new FormData(formEl);
    const values = Object.fromEntries(
      (["name", "email", "password", "workspaceName", "slug"] as const).map((f) => [f, String(form.get(f) ?? "")]),
    ) as Record<Field, string>;
    const found = validate(values);
    setErrors(found);
    setProblem(null);
    if (focusFirstInvalid(formEl, found)) return;
    let created: { slug: string; email: string };
    try {
      created = await signUp.mutateAsync(values);
    } catch (error) {
      setProblem(errorMessage(error));
      return;
    }
    setSigningIn(true);
    if (await signInAndOpen(created.email, values.password, created.slug)) return;
    setSigningIn(false);
    setProblem(
      <>
        Your account and workspace are ready, but signing you in failed.{" "}
        <Link
          className="font-medium underline"
          href={`/signin?email=${encodeURIComponent(created.email)}&callbackUrl=${encodeURIComponent(`/w/${created.slug}`)}`}
        >
          Sign in
        </Link>{" "}
        to continue.
      </>,
    );
  }

  const err = (f: Field) => errors[f] ?? fieldError(signUp.error, f);
  const busy = signUp.isPending || signingIn;
  return (
    <form onSubmit={(e) => void onSubmit(e)} className="space-y-4" noValidate>
      <Alert tone="error">{problem}</Alert>
      <TextField label="Your name" name="name" autoComplete="name" required maxLength={80} autoFocus error={err("name")} />
      <TextField label="Work email" name="email" type="email" autoComplete="email" required maxLength={200} error={err("email")} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={MIN_PASSWORD}
        maxLength={200}
        hint={`At least ${MIN_PASSWORD} characters.`}
        error={err("password")}
      />
      <WorkspaceFields errors={{ workspaceName: err("workspaceName"), slug: err("slug") }} />
      <Button type="submit" className="w-full" disabled={busy}>
        {signingIn ? "Signing you in…" : signUp.isPending ? "Creating your workspace…" : "Create workspace"}
      </Button>
    </form>
  );
}
