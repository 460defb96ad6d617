"use client";
import { useRef, useState } from "react";
import { Button } from "../../../../_components/button";

// The token exists only in this answer: the one chance to copy it.
export function NewToken({ name, token }: { name: string; token: string }) {
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const example = `curl -H "Authorization: Bearer ${token}" ${window.location.origin}/api/v1/partnerships`;

  async function copy() {
    try {
      await navigator.clipboard.writeText(token);
      setCopied("yes");
    } catch {
      // No clipboard access (an insecure origin or a refused permission): select it for copying by hand.
      setCopied("failed");
      input.current?.select();
    }
  }

  return (
    <div className="rounded-md bg-green-50 p-4 ring-1 ring-green-200">
      <h3 className="text-sm font-semibold text-green-900">Token “{name}” made</h3>
      <p className="mt-1 text-sm text-green-900">Copy it now: it is shown only this once. If it gets lost, revoke it and make a new one.</p>
      <div className="mt-3 flex flex-col gap-2 sm:flex-row">
        <label htmlFor="new-api-token" className="sr-only">
          API token
        </label>
        <input
          ref={input}
          id="new-api-token"
          readOnly
          value={token}
          onFocus={(e) => e.currentTarget.select()}
          className="block w-full min-w-0 flex-1 rounded-md border-0 bg-white px-3 py-2 font-mono text-xs text-slate-900 ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-600"
        />
        <Button variant="secondary" onClick={() => void copy()}>
          {copied === "yes" ? "Copied" : "Copy token"}
        </Button>
      </div>
      <p className="mt-2 text-xs text-green-900" role="status">
        {copied === "yes"
          ? "The token is on your clipboard."
          : copied === "failed"
            ? "Copying is not available here: the token is selected, press Ctrl+C (⌘C on a Mac)."
            : ""}
      </p>
      <p className="mt-3 text-sm text-green-900">Try it:</p>
      <pre className="mt-1 overflow-x-auto rounded bg-white p-2 font-mono text-xs text-slate-900 ring-1 ring-slate-200">{example}</pre>
    </div>
  );
}
