"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "~/server/trpc/client";
import { Alert } from "../_components/alert";
import { Button } from "../_components/button";
import { useFormErrors } from "../_lib/use-form-errors";
import { SLUG_PATTERN, SLUG_RULE, WorkspaceFields } from "./workspace-fields";

type Errors = { workspaceName?: string; slug?: string };

export function NewWorkspaceForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const [problems, setProblems] = useState<Errors>({});
  const create = useMutation(trpc.workspace.create.mutationOptions({ onSuccess: ({ slug }) => router.push(`/w/${slug}`) }));
  const errors = useFormErrors(create.error, ["workspaceName", "slug"], problems);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const workspaceName = String(form.get("workspaceName") ?? "").trim();
    const slug = String(form.get("slug") ?? "");
    const found: Errors = {};
    if (workspaceName.length < 2) found.workspaceName = "Use at least 2 characters for the workspace name.";
    if (!SLUG_PATTERN.test(slug)) found.slug = SLUG_RULE;
    setProblems(found);
    if (Object.keys(found).length) return;
    create.mutate({ workspaceName, slug });
  }

  // After success the button stays busy until the new workspace's page has loaded.
  const busy = create.isPending || create.isSuccess;
  return (
    <form id={errors.formId} onSubmit={onSubmit} className="space-y-4" noValidate>
      <Alert tone="error">{errors.summary}</Alert>
      <WorkspaceFields errors={{ workspaceName: errors.field("workspaceName"), slug: errors.field("slug") }} />
      <Button type="submit" disabled={busy}>
        {busy ? "Creating workspace…" : "Create workspace"}
      </Button>
    </form>
  );
}
