"use client";
import Link from "next/link";
import { Alert } from "../../../../_components/alert";
import { SelectField } from "../../../../_components/field";

interface Props {
  slug: string;
  partnerOrgs: { id: string; name: string }[];
  value: string;
  onChange: (partnerOrgId: string) => void;
  // What is wrong with the choice (none made, or the server's refusal), from the form's errors.
  error: string | null;
  className?: string;
}

export const MISSING_ORG = "Choose the organisation this contact belongs to.";

// The organisation a partner contact belongs to; with none to choose from, where to add one.
export function PartnerOrgField({ slug, partnerOrgs, value, onChange, error, className }: Props) {
  if (!partnerOrgs.length) {
    return (
      <Alert tone="info">
        A partner contact belongs to a partner organisation, and there are none yet.{" "}
        <Link href={`/w/${slug}/admin/partners`} className="font-medium underline">
          Add a partner organisation first
        </Link>
        .
      </Alert>
    );
  }
  return (
    <SelectField
      label="Partner organisation"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      required
      options={[{ value: "", label: "Choose an organisation…" }, ...partnerOrgs.map((o) => ({ value: o.id, label: o.name }))]}
      error={error}
      hint="They will see only this organisation's partnerships."
      className={className}
    />
  );
}
