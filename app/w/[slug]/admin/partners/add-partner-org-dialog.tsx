"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "~/server/trpc/client";
import { Alert } from "../../../../_components/alert";
import { Button } from "../../../../_components/button";
import { TextField } from "../../../../_components/field";
import { useFormErrors } from "../../../../_lib/use-form-errors";
import { Dialog, DialogActions } from "../_components/dialog";

export function AddPartnerOrgDialog({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const create = useMutation(
    trpc.partnerOrg.create.mutationOptions({
      onSuccess: () => {
        setOpen(false);
        router.refresh();
      },
    }),
  );

  const errors = useFormErrors(create.error, ["name", "website", "region", "industry"]);

  function onOpenChange(next: boolean) {
    if (create.isPending) return;
    setOpen(next);
    if (next) create.reset();
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    create.mutate({
      workspaceSlug: slug,
      name: text("name"),
      website: text("website"),
      region: text("region"),
      industry: text("industry"),
    });
  }

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      trigger={<Button>Add partner organisation</Button>}
      title="Add partner organisation"
      description="A company you partner with. Only your own people see the list of partners; a partner's contacts see only their own organisation."
    >
      <form id={errors.formId} onSubmit={onSubmit} className="space-y-4" noValidate>
        <Alert tone="error">{errors.summary}</Alert>
        <TextField label="Name" name="name" required maxLength={120} autoComplete="organization" error={errors.field("name")} />
        <TextField label="Website (optional)" name="website" maxLength={120} placeholder="example.com" error={errors.field("website")} />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label="Region (optional)" name="region" maxLength={120} placeholder="EMEA" error={errors.field("region")} />
          <TextField label="Industry (optional)" name="industry" maxLength={120} placeholder="Logistics" error={errors.field("industry")} />
        </div>
        <DialogActions label="Add organisation" pendingLabel="Adding…" pending={create.isPending} />
      </form>
    </Dialog>
  );
}
