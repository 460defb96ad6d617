"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { errorMessage, useTRPC } from "~/server/trpc/client";
import { Alert } from "../_components/alert";
import { Button } from "../_components/button";
import { fieldError } from "../_lib/field-error";
import { SLUG_PATTERN, SLUG_RULE, WorkspaceFields } from "./workspace-fields";

type Errors = { workspaceName?: string; slug?: string };

export function NewWorkspaceForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const [errors, setErrors] = useState<Errors>({});
  const create = useMutation(trpc.workspace.create.mutationOptions({ onSuccess: ({ slug }) => router.push(`/w/${slug}`) }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const workspaceName = String(form.get("workspaceName") ?? "").trim();
    const slug = String(form.get("slug") ?? "");
    const found: Errors = {};
    if (workspaceName.length < 2) found.workspaceName = "Please enter a name of at least 2 characters.";
    if (!SLUG_PATTERN.test(slug)) found.slug = SLUG_RULE;
    setErrors(found);
    if (Object.keys(found).length) return;
    create.mutate({ workspaceName, slug });
  }

  // After success the button stays busy until the new workspace's page has loaded.
  const busy = create.isPending || create.isSuccess;
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <Alert tone="error">{create.error ? errorMessage(create.error) : null}</Alert>
      <WorkspaceFields
        errors={{
          workspaceName: errors.workspaceName ?? fieldError(create.error, "workspaceName"),
          slug: errors.slug ?? fieldError(create.error, "slug"),
        }}
      />
      <Button type="submit" disabled={busy}>
        {busy ? "Creating workspace…" : "Create workspace"}
      </Button>
    </form>
  );
}
