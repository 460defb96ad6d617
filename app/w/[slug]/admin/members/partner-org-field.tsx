"use client";
import Link from "next/link";
import { Alert } from "../../../../_components/alert";
import { SelectField } from "../../../../_components/field";

interface Props {
  slug: string;
  partnerOrgs: { id: string; name: string }[];
  value: string;
  onChange: (partnerOrgId: string) => void;
  // Set when the form was sent without a choice.
  missing: boolean;
  className?: string;
}

// The organisation a partner contact belongs to; with none to choose from, where to add one.
export function PartnerOrgField({ slug, partnerOrgs, value, onChange, missing, className }: Props) {
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
      error={missing ? "Choose the organisation this contact belongs to." : null}
      hint="They will see only this organisation's partnerships."
      className={className}
    />
  );
}
