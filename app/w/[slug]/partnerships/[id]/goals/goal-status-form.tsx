"use client";
// Decides a goal (achieved, missed, dropped) or reopens it, based on the version this person saw.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { errorMessage, useTRPC } from "~/server/trpc/client";
import { Alert } from "../../../../../_components/alert";
import { Button } from "../../../../../_components/button";
import { SelectField } from "../../../../../_components/field";
import { GOAL_STATUS_LABEL, type GoalStatus } from "./progress";

export function GoalStatusForm({ slug, goalId, version, status }: { slug: string; goalId: string; version: number; status: GoalStatus }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [next, setNext] = useState<GoalStatus>(status);
  const update = useMutation(
    trpc.goal.update.mutationOptions({
      onSettled: () => router.refresh(),
    }),
  );
  return (
    <div className="space-y-2">
      <Alert tone="error">{update.error ? errorMessage(update.error) : null}</Alert>
      <div className="flex flex-wrap items-end gap-2">
        <SelectField
          label="Goal status"
          value={next}
          onChange={(e) => setNext(e.target.value as GoalStatus)}
          options={(Object.keys(GOAL_STATUS_LABEL) as GoalStatus[]).map((s) => ({ value: s, label: GOAL_STATUS_LABEL[s] }))}
        />
        <Button
          variant="secondary"
          size="sm"
          disabled={next === status || update.isPending}
          onClick={() => update.mutate({ workspaceSlug: slug, goalId, version, status: next })}
        >
          {update.isPending ? "Saving…" : "Set status"}
        </Button>
      </div>
    </div>
  );
}
