"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { errorMessage, useTRPC } from "~/server/trpc/client";
import { Alert } from "../../../_components/alert";
import { Button } from "../../../_components/button";
import { ConfirmDialog } from "../admin/_components/confirm-dialog";

interface Cycle {
  id: string;
  label: string;
  status: "DRAFT" | "OPEN" | "CLOSED";
  responses: number;
}

const people = (n: number) => `${n} ${n === 1 ? "person" : "people"}`;
const partnerships = (n: number) => `${n} ${n === 1 ? "partnership" : "partnerships"}`;

// What opening will do, read when the confirmation opens: who is emailed, or what stands in the way.
function OpeningSummary({ slug, cycle, onBlocked }: { slug: string; cycle: Cycle; onBlocked: (blocked: boolean | null) => void }) {
  const trpc = useTRPC();
  const preview = useQuery(trpc.cycle.openingPreview.queryOptions({ workspaceSlug: slug, cycleId: cycle.id }));
  const data = preview.data;
  // The confirm button waits for the figures, and stays off when another cycle is open.
  const blocked = data ? data.blockedBy !== null : null;
  useEffect(() => onBlocked(blocked), [blocked, onBlocked]);
  if (preview.error) return <p role="alert">{errorMessage(preview.error)}</p>;
  if (!data) return <p>Counting the people asked…</p>;
  if (data.status === "OPEN") return <p>{data.label} is open already: the schedule opened it a moment ago. Nothing more to do.</p>;
  if (data.blockedBy) {
    return (
      <p>
        {data.blockedBy} is open. Close it before opening {data.label}: a workspace runs one cycle at a time, so nobody owes two surveys
        about one partnership.
      </p>
    );
  }
  if (data.people === 0) {
    return <p>Nobody is asked in {data.label} yet: add partnerships, their teams or partner contacts first, or adjust who is asked.</p>;
  }
  return data.emailsInvitations ? (
    <p>
      {people(data.people)} asked about {partnerships(data.partnerships)} will each be emailed a link to their survey at once. Emails cannot
      be called back, but while nobody has answered you can undo the opening.
    </p>
  ) : (
    <p>
      {people(data.people)} asked about {partnerships(data.partnerships)} can answer again until it closes. No new invitation is sent;
      reminders go to those who have not answered.
    </p>
  );
}

export function CycleActions({ slug, cycle }: { slug: string; cycle: Cycle }) {
  const trpc = useTRPC();
  const router = useRouter();
  const refresh = { onSuccess: () => router.refresh() };
  const open = useMutation(trpc.cycle.open.mutationOptions(refresh));
  const close = useMutation(trpc.cycle.close.mutationOptions(refresh));
  const undoOpen = useMutation(trpc.cycle.undoOpen.mutationOptions(refresh));
  const remove = useMutation(trpc.cycle.delete.mutationOptions(refresh));
  const [blocked, setBlocked] = useState<boolean | null>(null);
  const input = { workspaceSlug: slug, cycleId: cycle.id };
  const verb = cycle.status === "DRAFT" ? "Open" : "Reopen";
  // Taking a cycle back is offered while nobody has answered it (the server checks saved drafts too).
  const unanswered = cycle.status !== "CLOSED" && cycle.responses === 0;

  return (
    <div className="flex flex-wrap items-start justify-end gap-2">
      {cycle.status === "OPEN" ? (
        <ConfirmDialog
          trigger={
            <Button variant="danger" size="sm" aria-label={`Close ${cycle.label}`}>
              Close
            </Button>
          }
          title={`Close ${cycle.label}?`}
          confirmLabel="Close cycle"
          pendingLabel="Closing…"
          onConfirm={() => close.mutateAsync(input)}
        >
          <p>Nobody can answer or change answers for {cycle.label} after it closes.</p>
          <p>
            The {cycle.responses} {cycle.responses === 1 ? "response" : "responses"} given so far are kept and count in the scores. You can
            reopen the cycle later if needed.
          </p>
        </ConfirmDialog>
      ) : (
        <ConfirmDialog
          trigger={
            <Button variant={cycle.status === "DRAFT" ? "primary" : "secondary"} size="sm" aria-label={`${verb} ${cycle.label}`}>
              {verb}
            </Button>
          }
          title={`${verb} ${cycle.label}?`}
          confirmLabel={cycle.status === "DRAFT" ? "Open and email" : "Reopen cycle"}
          pendingLabel="Opening…"
          variant="primary"
          disabled={blocked !== false}
          onConfirm={() => open.mutateAsync(input)}
        >
          <OpeningSummary slug={slug} cycle={cycle} onBlocked={setBlocked} />
        </ConfirmDialog>
      )}
      {cycle.status === "OPEN" && unanswered ? (
        <ConfirmDialog
          trigger={
            <Button variant="secondary" size="sm" aria-label={`Undo opening ${cycle.label}`}>
              Undo opening
            </Button>
          }
          title={`Undo opening ${cycle.label}?`}
          confirmLabel="Back to draft"
          pendingLabel="Undoing…"
          onConfirm={() => undoOpen.mutateAsync(input)}
        >
          <p>{cycle.label} becomes a draft again, with the same people asked. Nobody has answered it yet.</p>
          <p>
            Survey emails not yet sent are dropped, and the links in those already sent stop working. Opening it again sends fresh ones.
          </p>
        </ConfirmDialog>
      ) : null}
      {unanswered ? (
        <ConfirmDialog
          trigger={
            <Button variant="secondary" size="sm" aria-label={`Delete ${cycle.label}`}>
              Delete
            </Button>
          }
          title={`Delete ${cycle.label}?`}
          confirmLabel="Delete cycle"
          pendingLabel="Deleting…"
          onConfirm={() => remove.mutateAsync(input)}
        >
          <p>
            {cycle.label} and its list of people asked are deleted. Nobody has answered it, so no answer is lost; it will not appear in any
            chart.
          </p>
          {cycle.status === "OPEN" ? (
            <p>Survey emails not yet sent are dropped, and the links in those already sent stop working.</p>
          ) : null}
        </ConfirmDialog>
      ) : null}
      <Alert tone="error" className="w-full max-w-xs text-left">
        {open.error ? errorMessage(open.error) : null}
      </Alert>
    </div>
  );
}
