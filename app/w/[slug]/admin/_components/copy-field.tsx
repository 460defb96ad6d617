"use client";
import { useRef, useState } from "react";
import { Button } from "../../../../_components/button";

// A secret shown once (an invitation link, an API token, a webhook signing secret): read-only, selected on focus, with a
// Copy button that falls back to selecting it for Ctrl+C where the clipboard is not available.
export function CopyField({ id, label, value, noun }: { id: string; label: string; value: string; noun: "link" | "token" | "secret" }) {
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied("yes");
    } catch {
      // No clipboard access (an insecure origin or a refused permission): select it for copying by hand.
      setCopied("failed");
      input.current?.select();
    }
  }

  return (
    <>
      <div className="mt-3 flex flex-col gap-2 sm:flex-row">
        <label htmlFor={id} className="sr-only">
          {label}
        </label>
        <input
          ref={input}
          id={id}
          readOnly
          value={value}
          onFocus={(e) => e.currentTarget.select()}
          className="block w-full min-w-0 flex-1 rounded-md border-0 bg-white px-3 py-2 font-mono text-xs text-slate-900 ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-600"
        />
        <Button variant="secondary" onClick={() => void copy()}>
          {copied === "yes" ? "Copied" : `Copy ${noun}`}
        </Button>
      </div>
      <p className="mt-2 text-xs text-green-900" role="status">
        {copied === "yes"
          ? `The ${noun} is on your clipboard.`
          : copied === "failed"
            ? `Copying is not available here: the ${noun} is selected, press Ctrl+C (⌘C on a Mac).`
            : ""}
      </p>
    </>
  );
}
