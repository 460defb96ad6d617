"use client";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "../../../../../_components/alert";
import { Button } from "../../../../../_components/button";
import { errorMessage, useTRPC } from "~/server/trpc/client";

interface Props {
  slug: string;
  cycleId: string;
  cycleLabel: string;
  muted: boolean;
}

// Reminders are muted per cycle, for every partnership the person is asked about in it.
export function RemindersToggle({ slug, cycleId, cycleLabel, muted: initiallyMuted }: Props) {
  const trpc = useTRPC();
  const [muted, setMuted] = useState(initiallyMuted);
  const mute = useMutation(trpc.response.muteReminders.mutationOptions({ onSuccess: (result) => setMuted(result.muted) }));
  return (
    <div className="flex flex-col items-end gap-1 text-right">
      <Button
        variant="ghost"
        size="sm"
        disabled={mute.isPending}
        onClick={() => mute.mutate({ workspaceSlug: slug, cycleId, muted: !muted })}
      >
        {muted ? "Turn reminders back on" : "Stop reminders for this cycle"}
      </Button>
      <p role="status" className="text-xs text-slate-500">
        {muted ? `You will get no reminder emails for ${cycleLabel}.` : null}
      </p>
      {mute.error ? <Alert tone="error">{errorMessage(mute.error)}</Alert> : null}
    </div>
  );
}
