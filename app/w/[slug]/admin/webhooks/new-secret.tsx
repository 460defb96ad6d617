"use client";
import { CopyField } from "../_components/copy-field";

// The signing secret exists in this answer only: the one chance to copy it.
export function NewSecret({ title, secret }: { title: string; secret: string }) {
  return (
    <div className="rounded-md bg-green-50 p-4 ring-1 ring-green-200">
      <h3 className="text-sm font-semibold text-green-900">{title}</h3>
      <p className="mt-1 text-sm text-green-900">
        Copy the signing secret into your receiver now: it is shown only this once. Your receiver checks each delivery&apos;s signature with
        it (see the README&apos;s “Webhooks” section); if it gets lost, rotate it.
      </p>
      <CopyField id="new-webhook-secret" label="Signing secret" value={secret} noun="secret" />
    </div>
  );
}
