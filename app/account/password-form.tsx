"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { MIN_PASSWORD_LENGTH } from "~/server/password-policy";
import { useTRPC } from "~/server/trpc/client";
import { Alert } from "../_components/alert";
import { Button } from "../_components/button";
import { TextField } from "../_components/field";
import { useFormErrors } from "../_lib/use-form-errors";
import { FreshSignInNote } from "./fresh-sign-in-note";

type Problems = { currentPassword?: string; newPassword?: string; repeat?: string };

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function PasswordForm({ hasPassword, recentlyProved }: { hasPassword: boolean; recentlyProved: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [problems, setProblems] = useState<Problems>({});
  const change = useMutation(trpc.account.changePassword.mutationOptions({ onSuccess: () => router.refresh() }));
  const errors = useFormErrors(change.error, ["currentPassword", "newPassword", "repeat"], problems);

  if (!hasPassword && !recentlyProved && !change.isSuccess) return <FreshSignInNote what="choose one" />;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const currentPassword = String(form.get("currentPassword") ?? "");
    const newPassword = String(form.get("newPassword") ?? "");
    const repeat = String(form.get("repeat") ?? "");
    const found: Problems = {};
    if (hasPassword && !currentPassword) found.currentPassword = "Enter your current password.";
    if (newPassword.length < MIN_PASSWORD_LENGTH) found.newPassword = `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
    else if (repeat !== newPassword) found.repeat = "The two new passwords differ.";
    setProblems(found);
    if (Object.keys(found).length) return;
    const target = event.currentTarget;
    change.mutate({ currentPassword: hasPassword ? currentPassword : null, newPassword }, { onSuccess: () => target.reset() });
  }

  return (
    <form id={errors.formId} onSubmit={onSubmit} className="space-y-3" noValidate>
      {hasPassword ? (
        <TextField
          label="Current password"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          error={errors.field("currentPassword")}
          onChange={() => change.reset()}
        />
      ) : null}
      <TextField
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        maxLength={200}
        hint={`At least ${MIN_PASSWORD_LENGTH} characters. Every other browser signed in to your account is signed out.`}
        error={errors.field("newPassword")}
        onChange={() => change.reset()}
      />
      <TextField
        label="Repeat the new password"
        name="repeat"
        type="password"
        autoComplete="new-password"
        maxLength={200}
        error={errors.field("repeat")}
      />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={change.isPending}>
          {change.isPending ? "Saving…" : hasPassword ? "Change password" : "Choose password"}
        </Button>
      </div>
      <Alert tone="error">{errors.summary}</Alert>
      {change.data ? (
        <Alert tone="success">
          {change.data.firstPassword ? "Password chosen." : "Password changed."}{" "}
          {change.data.otherSessionsEnded
            ? `${plural(change.data.otherSessionsEnded, "other browser was", "other browsers were")} signed out; this one stays signed in.`
            : "No other browser was signed in."}
        </Alert>
      ) : null}
    </form>
  );
}
