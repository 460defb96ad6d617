"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "~/server/trpc/client";
import { Alert } from "../../../../_components/alert";
import { Button } from "../../../../_components/button";
import { TextField } from "../../../../_components/field";
import { ROLE_LABEL } from "../../../../_lib/format";
import { useFormErrors } from "../../../../_lib/use-form-errors";
import { InviteLink } from "./invite-link";
import { MISSING_ORG, PartnerOrgField } from "./partner-org-field";
import { grantableRoles, needsPartnerOrg, ROLE_DESCRIPTION, type Role } from "./roles";

export function InviteForm({
  slug,
  partnerOrgs,
  isOwner,
}: {
  slug: string;
  partnerOrgs: { id: string; name: string }[];
  isOwner: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("MANAGER");
  const [partnerOrgId, setPartnerOrgId] = useState("");
  const [missingOrg, setMissingOrg] = useState(false);
  const invite = useMutation(
    trpc.invitation.create.mutationOptions({
      onSuccess: () => {
        setEmail("");
        router.refresh();
      },
    }),
  );
  const partner = needsPartnerOrg(role);
  const noOrgs = partner && partnerOrgs.length === 0;

  const errors = useFormErrors(invite.error, ["email", "partnerOrgId"], { partnerOrgId: missingOrg ? MISSING_ORG : null });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (partner && !partnerOrgId) {
      setMissingOrg(true);
      return;
    }
    invite.mutate({ workspaceSlug: slug, email, role, partnerOrgId: partner ? partnerOrgId : null });
  }

  return (
    <div className="space-y-6">
      {invite.data ? (
        <InviteLink
          key={invite.data.id}
          invitation={invite.data}
          partnerOrgName={partnerOrgs.find((o) => o.id === invite.variables?.partnerOrgId)?.name ?? null}
        />
      ) : null}
      <form id={errors.formId} onSubmit={onSubmit} className="space-y-5" noValidate>
        <Alert tone="error">{errors.summary}</Alert>
        <TextField
          label="Email"
          type="email"
          name="email"
          autoComplete="off"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={errors.field("email")}
          className="max-w-md"
        />
        <fieldset>
          <legend className="text-sm font-medium text-slate-800">Role</legend>
          <div className="mt-2 grid gap-2 sm:grid-cols-2">
            {grantableRoles(isOwner).map((r) => (
              <label
                key={r}
                className="flex cursor-pointer gap-3 rounded-md p-3 ring-1 ring-inset ring-slate-200 hover:bg-slate-50 has-[:checked]:bg-brand-50 has-[:checked]:ring-brand-600"
              >
                <input
                  type="radio"
                  name="role"
                  value={r}
                  checked={role === r}
                  onChange={() => setRole(r)}
                  className="mt-0.5 h-4 w-4 accent-brand-600"
                  aria-describedby={`role-${r}-description`}
                />
                <span>
                  <span className="block text-sm font-medium text-slate-900">{ROLE_LABEL[r]}</span>
                  <span id={`role-${r}-description`} className="block text-xs text-slate-600">
                    {ROLE_DESCRIPTION[r]}
                  </span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
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
            className="max-w-md"
          />
        ) : null}
        <Button type="submit" disabled={invite.isPending || noOrgs}>
          {invite.isPending ? "Creating invitation…" : "Create invitation"}
        </Button>
      </form>
    </div>
  );
}
