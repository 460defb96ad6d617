"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "~/server/trpc/client";
import { Alert } from "../../../../_components/alert";
import { Button } from "../../../../_components/button";
import { SelectField, TextField } from "../../../../_components/field";
import { useFormErrors } from "../../../../_lib/use-form-errors";
import { ROLE_LABEL } from "../../../../_lib/format";
import { ROLE_DESCRIPTION } from "../members/roles";
import { NewToken } from "./new-token";

const ROLES = ["ADMIN", "MANAGER", "EXECUTIVE", "PARTNER"] as const;
type TokenRole = (typeof ROLES)[number];
type Scope = "READ" | "READ_WRITE";

const SCOPES: { value: Scope; label: string; description: string }[] = [
  { value: "READ", label: "Read", description: "Reads what its role may see; every call that writes is refused." },
  {
    value: "READ_WRITE",
    label: "Read and write",
    description: "Also makes the changes its role may make. Every change is in the audit log.",
  },
];

export function CreateTokenForm({ slug, partnerOrgs }: { slug: string; partnerOrgs: { id: string; name: string }[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [name, setName] = useState("");
  const [scope, setScope] = useState<Scope>("READ");
  const [role, setRole] = useState<TokenRole>("EXECUTIVE");
  const [partnerOrgId, setPartnerOrgId] = useState("");
  const create = useMutation(
    trpc.apiToken.create.mutationOptions({
      onSuccess: () => {
        setName("");
        router.refresh();
      },
    }),
  );
  const partner = role === "PARTNER";

  const errors = useFormErrors(create.error, ["name"]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ workspaceSlug: slug, name, scope, role, partnerOrgId: partner ? partnerOrgId || null : null });
  }

  return (
    <div className="space-y-6">
      {create.data ? <NewToken key={create.data.id} name={create.data.name} token={create.data.token} /> : null}
      <form id={errors.formId} onSubmit={onSubmit} className="space-y-5" noValidate>
        <Alert tone="error">{errors.summary}</Alert>
        <TextField
          label="Name"
          name="name"
          autoComplete="off"
          required
          hint="What will use it, so you know which to revoke: “CRM sync”, “Board report”."
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.field("name")}
          className="max-w-md"
        />
        <fieldset>
          <legend className="text-sm font-medium text-slate-800">Access</legend>
          <div className="mt-2 grid gap-2 sm:grid-cols-2">
            {SCOPES.map((s) => (
              <label
                key={s.value}
                className="flex cursor-pointer gap-3 rounded-md p-3 ring-1 ring-inset ring-slate-200 hover:bg-slate-50 has-[:checked]:bg-brand-50 has-[:checked]:ring-brand-600"
              >
                <input
                  type="radio"
                  name="scope"
                  value={s.value}
                  checked={scope === s.value}
                  onChange={() => setScope(s.value)}
                  className="mt-0.5 h-4 w-4 accent-brand-600"
                  aria-describedby={`scope-${s.value}-description`}
                />
                <span>
                  <span className="block text-sm font-medium text-slate-900">{s.label}</span>
                  <span id={`scope-${s.value}-description`} className="block text-xs text-slate-600">
                    {s.description}
                  </span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <SelectField
          label="Acts as"
          name="role"
          value={role}
          onChange={(e) => setRole(e.target.value as TokenRole)}
          options={ROLES.map((r) => ({ value: r, label: ROLE_LABEL[r]! }))}
          hint={ROLE_DESCRIPTION[role]}
          className="max-w-md"
        />
        {partner ? (
          <SelectField
            label="Partner organisation"
            name="partnerOrgId"
            value={partnerOrgId}
            onChange={(e) => setPartnerOrgId(e.target.value)}
            options={[{ value: "", label: "Choose…" }, ...partnerOrgs.map((o) => ({ value: o.id, label: o.name }))]}
            hint="The token sees only this organisation's partnerships, as its contacts do."
            className="max-w-md"
          />
        ) : null}
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? "Making token…" : "Make token"}
        </Button>
      </form>
    </div>
  );
}
