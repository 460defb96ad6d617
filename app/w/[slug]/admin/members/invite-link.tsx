"use client";
import { useRef, useState } from "react";
import type { RouterOutputs } from "~/server/trpc/types";
import { Button } from "../../../../_components/button";
import { date, ROLE_LABEL } from "../../../../_lib/format";

type Created = RouterOutputs["invitation"]["create"];

// The token exists only in this response, so this is the one chance to pass the link on.
export function InviteLink({ invitation, partnerOrgName }: { invitation: Created; partnerOrgName: string | null }) {
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const url = window.location.origin + invitation.path;

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied("yes");
    } catch {
      // No clipboard access (an insecure origin or a refused permission): select it for copying by hand.
      setCopied("failed");
      input.current?.select();
    }
  }

  return (
    <div className="rounded-md bg-green-50 p-4 ring-1 ring-green-200">
      <h3 className="text-sm font-semibold text-green-900">
        Invitation created for {invitation.email} as {ROLE_LABEL[invitation.role]}
        {partnerOrgName ? ` of ${partnerOrgName}` : ""}
      </h3>
      <p className="mt-1 text-sm text-green-900">
        Email delivery is not set up yet, so send this link to them yourself. It works once and expires on {date(invitation.expiresAt)} (in
        7 days). It is shown only now: if it gets lost, create a new invitation.
      </p>
      <div className="mt-3 flex flex-col gap-2 sm:flex-row">
        <label htmlFor="invite-link" className="sr-only">
          Invitation link
        </label>
        <input
          ref={input}
          id="invite-link"
          readOnly
          value={url}
          onFocus={(e) => e.currentTarget.select()}
          className="block w-full min-w-0 flex-1 rounded-md border-0 bg-white px-3 py-2 font-mono text-xs text-slate-900 ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-600"
        />
        <Button variant="secondary" onClick={() => void copy()}>
          {copied === "yes" ? "Copied" : "Copy link"}
        </Button>
      </div>
      <p className="mt-2 text-xs text-green-900" role="status">
        {copied === "yes"
          ? "The link is on your clipboard."
          : copied === "failed"
            ? "Copying is not available here: the link is selected, press Ctrl+C (⌘C on a Mac)."
            : ""}
      </p>
    </div>
  );
}
