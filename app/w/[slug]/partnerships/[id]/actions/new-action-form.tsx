"use client";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "~/server/trpc/client";
import { Alert } from "../../../../../_components/alert";
import { Button } from "../../../../../_components/button";
import { SelectField, TextAreaField, TextField } from "../../../../../_components/field";
import { useFormErrors } from "../../../../../_lib/use-form-errors";

interface Props {
  slug: string;
  partnershipId: string;
  people: { memberId: string; label: string }[];
  pillars: { key: string; name: string }[];
  me: string;
  defaultDueDate: string;
}

export function NewActionForm({ slug, partnershipId, people, pillars, me, defaultDueDate }: Props) {
  const trpc = useTRPC();
  const router = useRouter();
  const [created, setCreated] = useState<{ id: string; title: string } | null>(null);
  // Remounting the fields after a success clears them.
  const [formKey, setFormKey] = useState(0);
  const create = useMutation(
    trpc.action.create.mutationOptions({
      onSuccess: (action, input) => {
        setCreated({ id: action.id, title: input.title });
        setFormKey((k) => k + 1);
        router.refresh();
      },
    }),
  );

  const errors = useFormErrors(create.error, ["title", "ownerMemberId", "dueDate", "pillarKey", "notes"]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const pillarKey = String(form.get("pillarKey") ?? "");
    setCreated(null);
    create.mutate({
      workspaceSlug: slug,
      partnershipId,
      title: String(form.get("title") ?? ""),
      ownerMemberId: String(form.get("ownerMemberId") ?? ""),
      dueDate: String(form.get("dueDate") ?? ""),
      pillarKey: pillarKey || null,
      notes: String(form.get("notes") ?? ""),
    });
  }

  const defaultOwner = people.some((p) => p.memberId === me) ? me : "";
  return (
    <form key={formKey} id={errors.formId} onSubmit={onSubmit} className="space-y-4" noValidate>
      <Alert tone="error">{errors.summary}</Alert>
      <Alert tone="success">
        {created ? (
          <>
            Added “{created.title}”.{" "}
            <Link href={`/w/${slug}/partnerships/${partnershipId}/actions/${created.id}`} className="font-medium underline">
              Open it
            </Link>
          </>
        ) : null}
      </Alert>
      <TextField label="What will be done" name="title" required maxLength={200} error={errors.field("title")} />
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField
          label="Owner"
          name="ownerMemberId"
          required
          defaultValue={defaultOwner}
          options={[{ value: "", label: "Choose the owner…" }, ...people.map((p) => ({ value: p.memberId, label: p.label }))]}
          error={errors.field("ownerMemberId")}
        />
        <TextField label="By when" name="dueDate" type="date" required defaultValue={defaultDueDate} error={errors.field("dueDate")} />
        <SelectField
          label="Pillar it serves"
          name="pillarKey"
          defaultValue=""
          options={[{ value: "", label: "None in particular" }, ...pillars.map((p) => ({ value: p.key, label: p.name }))]}
          error={errors.field("pillarKey")}
        />
      </div>
      <TextAreaField
        label="Notes"
        name="notes"
        rows={3}
        maxLength={5000}
        hint="Optional: context, links, what done looks like."
        error={errors.field("notes")}
      />
      <Button type="submit" disabled={create.isPending}>
        {create.isPending ? "Adding…" : "Add action"}
      </Button>
    </form>
  );
}
