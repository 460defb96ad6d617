"use client";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "~/server/trpc/client";
import { Alert } from "../_components/alert";
import { Button } from "../_components/button";
import { TextField } from "../_components/field";
import { SLUG_PATTERN, SLUG_RULE, WorkspaceFields } from "../workspaces/workspace-fields";

import { MIN_PASSWORD_LENGTH as MIN_PASSWORD } from "~/server/password-policy";
import { useFormErrors } from "../_lib/use-form-errors";
import { CheckEmail } from "../signin/check-email";

const FIELDS = ["name", "email", "password", "workspaceName", "slug"] as const;
type Field = (typeof FIELDS)[number];

function validate(values: Record<Field, string>): Partial<Record<Field, string>> {
  const errors: Partial<Record<Field, string>> = {};
  if (!values.name.trim()) errors.name = "Enter your name.";
  if (!/^\S+@\S+\.\S+$/.test(values.email.trim())) errors.email = "Enter an email address, like name@example.com.";
  if (values.password.length < MIN_PASSWORD) errors.password = `Use at least ${MIN_PASSWORD} characters.`;
  if (values.workspaceName.trim().length < 2) errors.workspaceName = "Use at least 2 characters for the workspace name.";
  if (!SLUG_PATTERN.test(values.slug)) errors.slug = SLUG_RULE;
  return errors;
}

// The answer is the same for every address (the email says what comes next: a link to finish, or
// that the address already has an account), so the form says only "check your email".
export function SignUpForm() {
  const trpc = useTRPC();
  const [problems, setProblems] = useState<Partial<Record<Field, string>>>({});
  const signUp = useMutation(trpc.workspace.signUp.mutationOptions());
  const errors = useFormErrors(signUp.error, FIELDS, problems);

  if (signUp.data && signUp.variables) {
    return (
      <CheckEmail onAgain={() => signUp.reset()} againLabel="Start again">
        Check your email to finish creating your workspace. We have sent a message to{" "}
        <strong className="font-medium">{signUp.variables.email.trim()}</strong> with what to do next.
      </CheckEmail>
    );
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const values = Object.fromEntries(FIELDS.map((f) => [f, String(form.get(f) ?? "")])) as Record<Field, string>;
    const found = validate(values);
    setProblems(found);
    if (Object.keys(found).length) return;
    signUp.mutate(values);
  }

  const err = errors.field;
  return (
    <form id={errors.formId} onSubmit={onSubmit} className="space-y-4" noValidate>
      <Alert tone="error">{errors.summary}</Alert>
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
      <Button type="submit" className="w-full" disabled={signUp.isPending}>
        {signUp.isPending ? "Sending…" : "Create workspace"}
      </Button>
    </form>
  );
}
