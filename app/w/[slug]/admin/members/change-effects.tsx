"use client";
// What a role change or removal will do to what the member holds (partnerships they own, open
// actions, survey lists, queued emails...), as the server plans it, shown before it is confirmed.
import { useQuery } from "@tanstack/react-query";
import { errorMessage, useTRPC } from "~/server/trpc/client";
import { Alert } from "../../../../_components/alert";
import type { Role } from "./roles";

export function ChangeEffects({
  slug,
  memberId,
  change,
}: {
  slug: string;
  memberId: string;
  change: { change: "remove" } | { change: "role"; role: Role; partnerOrgId: string | null };
}) {
  const trpc = useTRPC();
  const preview = useQuery(trpc.member.preview.queryOptions({ workspaceSlug: slug, memberId, ...change }, { staleTime: 0 }));
  if (preview.isPending) {
    return (
      <p className="text-sm text-slate-500" role="status">
        Checking what this changes…
      </p>
    );
  }
  if (preview.error) return <Alert tone="error">{errorMessage(preview.error)}</Alert>;
  const { lines } = preview.data;
  return (
    <div className="rounded-md bg-slate-50 p-3 text-sm text-slate-700 ring-1 ring-inset ring-slate-200" role="status">
      {lines.length ? (
        <>
          <p className="font-medium text-slate-900">What else this changes:</p>
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      ) : (
        <p>Nothing else changes: nothing they own, work on or are asked about is affected.</p>
      )}
    </div>
  );
}
