"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "~/server/trpc/client";
import type { RouterOutputs } from "~/server/trpc/types";
import { Alert } from "../../../../_components/alert";
import { Button } from "../../../../_components/button";
import { SelectField } from "../../../../_components/field";
import { useFormErrors } from "../../../../_lib/use-form-errors";
import { ROLE_LABEL } from "../../../../_lib/format";
import { Dialog, DialogActions } from "../_components/dialog";
import { ChangeEffects } from "./change-effects";
import { MISSING_ORG, PartnerOrgField } from "./partner-org-field";
import { administers, grantableRoles, needsPartnerOrg, ROLE_DESCRIPTION, type Role } from "./roles";

type Member = RouterOutputs["member"]["list"][number];

export function ChangeRoleDialog({
  slug,
  member,
  partnerOrgs,
  isOwner,
}: {
  slug: string;
  member: Member;
  partnerOrgs: { id: string; name: string }[];
  isOwner: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [role, setRole] = useState<Role>(member.role);
  const [partnerOrgId, setPartnerOrgId] = useState(member.partnerOrgId ?? "");
  const [missingOrg, setMissingOrg] = useState(false);
  const change = useMutation(
    trpc.member.changeRole.mutationOptions({
      onSuccess: (_data, input) => {
        setOpen(false);
        // Stepping down from admin ends access to this page, and the workspace layout's navigation
        // depends on the role, so the whole workspace is loaded afresh.
        // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- the layout must re-render too.
        if (member.isYou && !administers(input.role)) window.location.assign(`/w/${slug}`);
        else router.refresh();
      },
    }),
  );

  const errors = useFormErrors(change.error, ["role", "partnerOrgId"], { partnerOrgId: missingOrg ? MISSING_ORG : null });

  function onOpenChange(next: boolean) {
    if (change.isPending) return;
    setOpen(next);
    if (next) {
      setRole(member.role);
      setPartnerOrgId(member.partnerOrgId ?? "");
      setMissingOrg(false);
      change.reset();
    }
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (needsPartnerOrg(role) && !partnerOrgId) {
      setMissingOrg(true);
      return;
    }
    change.mutate({ workspaceSlug: slug, memberId: member.id, role, partnerOrgId: needsPartnerOrg(role) ? partnerOrgId : null });
  }

  const partner = needsPartnerOrg(role);
  const unchanged = role === member.role && (!partner || partnerOrgId === (member.partnerOrgId ?? ""));

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      trigger={
        <Button variant="secondary" size="sm" aria-label={`Change role of ${member.name}`}>
          Change role
        </Button>
      }
      title={`Change the role of ${member.name}`}
      description={`Now: ${ROLE_LABEL[member.role]}${member.partnerOrgName ? ` of ${member.partnerOrgName}` : ""}. The change applies at once.`}
    >
      <form id={errors.formId} onSubmit={onSubmit} className="space-y-4" noValidate>
        <Alert tone="error">{errors.summary}</Alert>
        <SelectField
          label="Role"
          value={role}
          onChange={(e) => setRole(e.target.value as Role)}
          options={grantableRoles(isOwner).map((r) => ({ value: r, label: ROLE_LABEL[r]! }))}
          hint={ROLE_DESCRIPTION[role]}
          error={errors.field("role")}
        />
        {partner ? (
          <PartnerOrgField
            slug={slug}
            partnerOrgs={partnerOrgs}
            value={partnerOrgId}
            onChange={(id) => {
              setPartnerOrgId(id);
              setMissingOrg(false);
            }}
            error={errors.field("partnerOrgId")}
          />
        ) : null}
        {!unchanged && (!partner || partnerOrgId) ? (
          <ChangeEffects
            slug={slug}
            memberId={member.id}

            change={{ change: "role", role, partnerOrgId: partner ? partnerOrgId : null }}
          />
        ) : null}
        {member.isYou && !administers(role) ? (
          <Alert tone="info">You are changing your own role: you will no longer be able to manage this workspace.</Alert>
        ) : null}
        <DialogActions
          label="Save role"
          pendingLabel="Saving…"
          pending={change.isPending}
          disabled={unchanged || (partner && !partnerOrgs.length)}
        />
      </form>
    </Dialog>
  );
}
