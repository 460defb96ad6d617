"use client";
import { useMutation } from "@tanstack/react-query";
import { signOut } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { dateTime } from "~/server/services/dates";
import { errorMessage, useTRPC } from "~/server/trpc/client";
import { Alert } from "../_components/alert";
import { Button } from "../_components/button";
import { Card } from "../_components/card";
import { Table } from "../_components/table";

interface Session {
  handle: string;
  current: boolean;
  device: string;
  userAgent: string | null;
  method: string;
  address: string | null;
  startedAt: Date;
  lastSeenAt: Date;
}

const METHOD: Record<string, string> = { PASSWORD: "password", EMAIL_LINK: "emailed link", SSO: "single sign-on" };

// Once this browser's session has ended on the server, next-auth clears its cookie too.
const leave = () => signOut({ callbackUrl: "/signin" });

export function SessionsCard({ sessions }: { sessions: Session[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const end = useMutation(
    trpc.account.endSession.mutationOptions({
      onSuccess: ({ current }) => (current ? void leave() : router.refresh()),
    }),
  );
  const everywhere = useMutation(trpc.account.signOutEverywhere.mutationOptions({ onSuccess: () => void leave() }));

  return (
    <Card
      title="Where you are signed in"
      description="Each browser signed in to your account. Signing one out ends it at once, wherever it is."
      action={
        confirming ? (
          <div className="flex flex-wrap items-center gap-2">
            <span className="text-sm text-slate-700">Sign out every browser, this one too?</span>
            <Button variant="danger" size="sm" disabled={everywhere.isPending || everywhere.isSuccess} onClick={() => everywhere.mutate()}>
              {everywhere.isPending || everywhere.isSuccess ? "Signing out…" : "Yes, sign out everywhere"}
            </Button>
            <Button variant="ghost" size="sm" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
          </div>
        ) : (
          <Button variant="danger" size="sm" onClick={() => setConfirming(true)}>
            Sign out everywhere
          </Button>
        )
      }
    >
      <Table
        caption="Browsers signed in to your account"
        columns={[
          { label: "Device" },
          { label: "Signed in" },
          { label: "Last seen" },
          { label: "Address" },
          { label: "Actions", visuallyHidden: true },
        ]}
      >
        {sessions.map((s) => (
          <tr key={s.handle} className="border-b border-slate-100 last:border-0" data-testid="session-row">
            <td className="px-3 py-2 first:pl-5">
              <span className="font-medium text-slate-900" title={s.userAgent ?? undefined}>
                {s.device}
              </span>
              {s.current ? (
                <span className="ml-2 rounded-full bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-800 ring-1 ring-brand-100">
                  This browser
                </span>
              ) : null}
            </td>
            <td className="px-3 py-2 text-slate-600">
              {dateTime(s.startedAt)}
              <span className="block text-xs text-slate-500">with {METHOD[s.method] ?? s.method}</span>
            </td>
            <td className="px-3 py-2 text-slate-600">{dateTime(s.lastSeenAt)}</td>
            <td className="px-3 py-2 text-slate-600">{s.address ?? "unknown"}</td>
            <td className="px-3 py-2 text-right last:pr-5">
              <Button
                variant="secondary"
                size="sm"
                className="whitespace-nowrap"
                disabled={end.isPending}
                aria-label={s.current ? "Sign out this browser" : `Sign out ${s.device}, signed in ${dateTime(s.startedAt)}`}
                onClick={() => end.mutate({ session: s.handle })}
              >
                Sign out
              </Button>
            </td>
          </tr>
        ))}
      </Table>
      <Alert tone="error" className="mt-3">
        {end.error ? errorMessage(end.error) : everywhere.error ? errorMessage(everywhere.error) : null}
      </Alert>
    </Card>
  );
}
