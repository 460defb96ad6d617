"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { errorMessage, useTRPC } from "~/server/trpc/client";
import { Alert } from "../../../../_components/alert";
import { Button } from "../../../../_components/button";
import { TextField } from "../../../../_components/field";
import { fieldError } from "../../../../_lib/field-error";
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
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <Alert tone="error">{create.error ? errorMessage(create.error) : null}</Alert>
        <TextField label="Name" name="name" required maxLength={120} autoComplete="organization" error={fieldError(create.error, "name")} />
        <TextField
          label="Website (optional)"
          name="website"
          maxLength={120}
          placeholder="example.com"
          error={fieldError(create.error, "website")}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label="Region (optional)"
            name="region"
            maxLength={120}
            placeholder="EMEA"
            error={fieldError(create.error, "region")}
          />
          <TextField
            label="Industry (optional)"
            name="industry"
            maxLength={120}
            placeholder="Logistics"
            error={fieldError(create.error, "industry")}
          />
        </div>
        <DialogActions label="Add organisation" pendingLabel="Adding…" pending={create.isPending} />
      </form>
    </Dialog>
  );
}
