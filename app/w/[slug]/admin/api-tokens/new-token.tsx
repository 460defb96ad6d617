"use client";
import { CopyField } from "../_components/copy-field";

// The token exists only in this answer: the one chance to copy it.
export function NewToken({ name, token }: { name: string; token: string }) {
  const example = `curl -H "Authorization: Bearer ${token}" ${window.location.origin}/api/v1/partnerships`;

  return (
    <div className="rounded-md bg-green-50 p-4 ring-1 ring-green-200">
      <h3 className="text-sm font-semibold text-green-900">Token “{name}” made</h3>
      <p className="mt-1 text-sm text-green-900">Copy it now: it is shown only this once. If it gets lost, revoke it and make a new one.</p>
      <CopyField id="new-api-token" label="API token" value={token} noun="token" />
      <p className="mt-3 text-sm text-green-900">Try it:</p>
      <pre className="mt-1 whitespace-pre-wrap break-all rounded bg-white p-2 font-mono text-xs text-slate-900 ring-1 ring-slate-200">
        {example}
      </pre>
    </div>
  );
}
