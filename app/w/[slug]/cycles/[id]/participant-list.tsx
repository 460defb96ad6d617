"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "~/server/trpc/client";
import type { RouterOutputs } from "~/server/trpc/types";
import { Alert } from "../../../../_components/alert";
import { Button } from "../../../../_components/button";
import { useFormErrors } from "../../../../_lib/use-form-errors";

type Partnership = RouterOutputs["participant"]["list"]["partnerships"][number];

const SIDE_LABEL = { HOST: "your side", PARTNER: "partner" } as const;

// One partnership's list of people asked, opened on demand; with add and remove for those who may.
export function ParticipantList({ slug, cycleId, partnership }: { slug: string; cycleId: string; partnership: Partnership }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [adding, setAdding] = useState("");
  const add = useMutation(trpc.participant.add.mutationOptions({ onSuccess: () => (setAdding(""), router.refresh()) }));
  const remove = useMutation(trpc.participant.remove.mutationOptions({ onSuccess: () => router.refresh() }));
  const base = { workspaceSlug: slug, cycleId, partnershipId: partnership.id };
  const asked = partnership.participants.filter((p) => !p.excluded);
  const errors = useFormErrors(add.error ?? remove.error, ["memberId"]);

  return (
    <details>
      <summary className="cursor-pointer py-1 text-sm">
        <span className="font-medium text-slate-900">{partnership.name}</span>{" "}
        <span className="text-slate-500">
          · {asked.length} asked, {asked.filter((p) => p.answered).length} answered
        </span>
      </summary>
      <div className="mt-2 space-y-3 pl-4">
        <Alert tone="error">{errors.summary}</Alert>
        <ul className="space-y-1 text-sm">
          {partnership.participants.map((p) => (
            <li key={p.memberId} className="flex flex-wrap items-center justify-between gap-2">
              <span className={p.excluded ? "text-slate-400 line-through" : "text-slate-700"}>
                {p.name} <span className="text-xs text-slate-500">({SIDE_LABEL[p.side]})</span>
                {p.answered ? <span className="ml-2 text-xs text-green-700">answered</span> : null}
                {p.excluded ? <span className="ml-2 text-xs no-underline">taken off the list</span> : null}
              </span>
              {partnership.mayEdit && !p.excluded ? (
                <Button
                  size="sm"
                  variant="ghost"
                  disabled={remove.isPending}
                  onClick={() => remove.mutate({ ...base, memberId: p.memberId })}
                  aria-label={`Remove ${p.name}: stop asking them about ${partnership.name}`}
                >
                  Remove
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
        {partnership.mayEdit && partnership.candidates.length ? (
          <form
            className="flex flex-wrap items-end gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              if (adding) add.mutate({ ...base, memberId: adding });
            }}
          >
            <label className="text-sm">
              <span className="block text-slate-700">Also ask</span>
              <select
                value={adding}
                onChange={(e) => setAdding(e.target.value)}
                className="mt-1 rounded-md border-0 px-2 py-1.5 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-600"
              >
                <option value="">Choose a person…</option>
                {partnership.candidates.map((c) => (
                  <option key={c.memberId} value={c.memberId}>
                    {c.name} ({SIDE_LABEL[c.side]})
                  </option>
                ))}
              </select>
            </label>
            <Button type="submit" size="sm" variant="secondary" disabled={!adding || add.isPending}>
              {add.isPending ? "Adding…" : "Add"}
            </Button>
          </form>
        ) : null}
      </div>
    </details>
  );
}
