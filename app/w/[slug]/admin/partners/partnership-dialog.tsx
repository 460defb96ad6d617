"use client";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "~/server/trpc/client";
import type { RouterOutputs } from "~/server/trpc/types";
import { Alert } from "../../../../_components/alert";
import { Button } from "../../../../_components/button";
import { SelectField, TextField } from "../../../../_components/field";
import { isoDay, titleCase } from "../../../../_lib/format";
import { PHASES, RESTING_PHASES } from "~/server/services/lifecycle/phase-rules";
import { useFormErrors } from "../../../../_lib/use-form-errors";
import { Dialog, DialogActions } from "../_components/dialog";

type Partnership = RouterOutputs["partnership"]["list"][number];
type Tier = Partnership["tier"];
type Phase = Partnership["phase"];

const TIERS: Tier[] = ["STRATEGIC", "CORE", "EMERGING"];
const options = <T extends string>(values: T[]) => values.map((v) => ({ value: v, label: titleCase(v) }));

interface Option {
  id: string;
  name: string;
}

// Creates a partnership, or edits one when `partnership` is given. The partner organisation is
// fixed once created: the scorecard's history belongs to that pair. An archived (exited)
// partnership is read-only: it offers the way to its renewal page, where it can be restored.
export function PartnershipDialog(props: { slug: string; partnerOrgs: Option[]; owners: Option[]; partnership?: Partnership }) {
  const p = props.partnership;
  if (p?.archivedAt) {
    return (
      <Button asChild variant="secondary" size="sm">
        <Link href={`/w/${props.slug}/partnerships/${p.id}/renewal`} aria-label={`Archived · restore ${p.name} from its renewal page`}>
          Archived · restore
        </Link>
      </Button>
    );
  }
  return <PartnershipForm {...props} />;
}

function PartnershipForm({
  slug,
  partnerOrgs,
  owners,
  partnership,
}: {
  slug: string;
  partnerOrgs: Option[];
  owners: Option[];
  partnership?: Partnership;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [missingOrg, setMissingOrg] = useState(false);
  const done = {
    onSuccess: () => {
      setOpen(false);
      router.refresh();
    },
  };
  const create = useMutation(trpc.partnership.create.mutationOptions(done));
  const update = useMutation(trpc.partnership.update.mutationOptions(done));
  const mutation = partnership ? update : create;

  // The server accepts only current managers as owners, so an owner who has since stepped down or
  // left is not offered; the hint says why the field is empty.
  const staleOwner =
    partnership?.ownerMemberId && !owners.some((o) => o.id === partnership.ownerMemberId)
      ? (partnership.ownerName ?? "The previous owner")
      : null;

  function onOpenChange(next: boolean) {
    if (mutation.isPending) return;
    setOpen(next);
    if (next) {
      mutation.reset();
      setMissingOrg(false);
    }
  }

  const errors = useFormErrors(mutation.error, ["partnerOrgId", "name", "ownerMemberId", "phase", "renewalDate"], {
    partnerOrgId: missingOrg ? "Choose the partner organisation." : null,
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const fields = {
      workspaceSlug: slug,
      name: String(form.get("name") ?? ""),
      ownerMemberId: String(form.get("ownerMemberId") ?? "") || null,
      tier: String(form.get("tier")) as Tier,
      phase: String(form.get("phase")) as Phase,
      renewalDate: String(form.get("renewalDate") ?? "") || null,
    };
    if (partnership) {
      update.mutate({ ...fields, partnershipId: partnership.id });
      return;
    }
    const partnerOrgId = String(form.get("partnerOrgId") ?? "");
    if (!partnerOrgId) {
      create.reset();
      setMissingOrg(true);
      return;
    }
    setMissingOrg(false);
    // The select offers only starting phases here; the server refuses any other.
    create.mutate({ ...fields, phase: fields.phase as (typeof RESTING_PHASES)[number], partnerOrgId });
  }

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      trigger={
        partnership ? (
          <Button variant="secondary" size="sm" aria-label={`Edit ${partnership.name}`}>
            Edit
          </Button>
        ) : (
          <Button>New partnership</Button>
        )
      }
      title={partnership ? `Edit ${partnership.name}` : "New partnership"}
      description={
        partnership
          ? `With ${partnership.partnerName}.`
          : "The relationship with one partner organisation. Its scorecard fills in as survey answers arrive."
      }
    >
      <form id={errors.formId} onSubmit={onSubmit} className="space-y-4" noValidate>
        <Alert tone="error">{errors.summary}</Alert>
        {partnership ? null : (
          <SelectField
            label="Partner organisation"
            name="partnerOrgId"
            required
            defaultValue=""
            onChange={() => setMissingOrg(false)}
            options={[{ value: "", label: "Choose an organisation…" }, ...partnerOrgs.map((o) => ({ value: o.id, label: o.name }))]}
            error={errors.field("partnerOrgId")}
          />
        )}
        <TextField
          label="Name"
          name="name"
          required
          maxLength={120}
          defaultValue={partnership?.name ?? ""}
          placeholder="Acme reseller partnership"
          error={errors.field("name")}
        />
        <SelectField
          label="Owner"
          name="ownerMemberId"
          defaultValue={staleOwner ? "" : (partnership?.ownerMemberId ?? "")}
          options={[{ value: "", label: "No owner yet" }, ...owners.map((o) => ({ value: o.id, label: o.name }))]}
          hint={
            staleOwner
              ? `${staleOwner} is no longer an alliance manager here; choose a new owner.`
              : "The alliance manager who runs it. Owners, admins and alliance managers can own partnerships."
          }
          error={errors.field("ownerMemberId")}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField label="Tier" name="tier" defaultValue={partnership?.tier ?? "CORE"} options={options(TIERS)} />
          <SelectField
            label="Phase"
            name="phase"
            defaultValue={partnership?.phase ?? "ACTIVE"}
            options={options(partnership ? [...PHASES] : [...RESTING_PHASES])}
            hint={partnership ? "Renewal review opens a review of the renewal date; Exited archives it (restorable)." : undefined}
            error={errors.field("phase")}
          />
        </div>
        <TextField
          label="Renewal date (optional)"
          name="renewalDate"
          type="date"
          defaultValue={partnership?.renewalDate ? isoDay(new Date(partnership.renewalDate)) : ""}
          error={errors.field("renewalDate")}
          className="max-w-xs"
        />
        <DialogActions label={partnership ? "Save changes" : "Create partnership"} pendingLabel="Saving…" pending={mutation.isPending} />
      </form>
    </Dialog>
  );
}
