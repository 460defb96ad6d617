"use client";
// Changes an action, sending only the fields that changed with the version they were based on.
// When someone else changed it first, the server refuses (CONFLICT): the page reloads the action
// as it now is, and what this person tried to save is shown so they can make it again.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "~/server/trpc/client";
import { Alert } from "../../../../../../_components/alert";
import { Button } from "../../../../../../_components/button";
import { SelectField, TextAreaField, TextField } from "../../../../../../_components/field";
import { useFormErrors } from "../../../../../../_lib/use-form-errors";
import { STATUS_LABEL, STATUS_OPTIONS, type ActionStatus } from "../../../../actions/_components/action-badges";

interface Editable {
  id: string;
  version: number;
  title: string;
  status: ActionStatus;
  notes: string;
  ownerMemberId: string | null;
  dueDate: string;
  pillarKey: string | null;
}

type Option = { value: string; label: string };
type Change = Partial<{
  title: string;
  status: ActionStatus;
  notes: string;
  ownerMemberId: string;
  dueDate: string;
  pillarKey: string | null;
}>;

interface Props {
  slug: string;
  action: Editable;
  viewer: { memberId: string; canEditDetails: boolean; canClaim: boolean };
  people: Option[];
  pillars: Option[];
}

function describe(change: Change, people: Option[], pillars: Option[]): string {
  const parts: string[] = [];
  if (change.title !== undefined) parts.push(`title “${change.title}”`);
  if (change.status) parts.push(`status ${STATUS_LABEL[change.status]}`);
  if (change.ownerMemberId) parts.push(`owner ${people.find((p) => p.value === change.ownerMemberId)?.label ?? "someone"}`);
  if (change.dueDate) parts.push(`by ${change.dueDate}`);
  if (change.pillarKey !== undefined) parts.push(`pillar ${pillars.find((p) => p.value === change.pillarKey)?.label ?? "none"}`);
  if (change.notes !== undefined) parts.push(`notes “${change.notes}”`);
  return parts.join("; ");
}

export function ActionEditor({ slug, action, viewer, people, pillars }: Props) {
  const trpc = useTRPC();
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  // What this person tried to save when someone else had changed the action first.
  const [lost, setLost] = useState<Change | null>(null);
  const update = useMutation(
    trpc.action.update.mutationOptions({
      onSuccess: () => {
        setSaved(true);
        router.refresh();
      },
      onError: (error, input) => {
        if (error.data?.code === "CONFLICT") {
          const { title, status, notes, ownerMemberId, dueDate, pillarKey } = input;
          setLost({ title, status, notes, ownerMemberId, dueDate, pillarKey });
          router.refresh();
        }
      },
    }),
  );

  const errors = useFormErrors(update.error, ["title", "ownerMemberId", "dueDate", "pillarKey", "status", "notes"]);

  function save(change: Change) {
    setSaved(false);
    setLost(null);
    if (Object.keys(change).length === 0) return;
    update.mutate({ workspaceSlug: slug, actionId: action.id, version: action.version, ...change });
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const get = (name: string) => (form.has(name) ? String(form.get(name)) : undefined);
    const change: Change = {};
    const status = get("status") as ActionStatus | undefined;
    if (status && status !== action.status) change.status = status;
    const notes = get("notes");
    if (notes !== undefined && notes.trim() !== action.notes) change.notes = notes;
    if (viewer.canEditDetails) {
      const title = get("title");
      if (title !== undefined && title.trim() !== action.title) change.title = title;
      const owner = get("ownerMemberId");
      if (owner && owner !== action.ownerMemberId) change.ownerMemberId = owner;
      const due = get("dueDate");
      if (due !== undefined && due !== action.dueDate) change.dueDate = due;
      const pillar = get("pillarKey");
      if (pillar !== undefined && (pillar || null) !== action.pillarKey) change.pillarKey = pillar || null;
    }
    save(change);
  }

  const conflict = update.error?.data?.code === "CONFLICT";
  return (
    <div className="space-y-4">
      <Alert tone="error">
        {update.error ? (
          <>
            {errors.summary}
            {conflict && lost ? (
              <span className="mt-1 block">
                The form now shows the action as it is. Not saved from you: {describe(lost, people, pillars)}.
              </span>
            ) : null}
          </>
        ) : null}
      </Alert>
      <Alert tone="success">{saved && !update.isPending ? "Saved." : null}</Alert>
      {viewer.canClaim ? (
        <div className="flex flex-wrap items-center gap-3 rounded-md bg-slate-50 p-3 text-sm">
          <span>Nobody owns this action yet.</span>
          <Button size="sm" disabled={update.isPending} onClick={() => save({ ownerMemberId: viewer.memberId })}>
            Take it on
          </Button>
        </div>
      ) : null}
      {/* Keyed by version: when the action changes (after a save or a conflict), the fields show it as it now is. */}
      <form id={errors.formId} key={action.version} onSubmit={onSubmit} className="space-y-4" noValidate>
        {viewer.canEditDetails ? (
          <>
            <TextField
              label="What will be done"
              name="title"
              required
              maxLength={200}
              defaultValue={action.title}
              error={errors.field("title")}
            />
            <div className="grid gap-4 sm:grid-cols-3">
              <SelectField
                label="Owner"
                name="ownerMemberId"
                defaultValue={action.ownerMemberId ?? ""}
                options={[...(action.ownerMemberId ? [] : [{ value: "", label: "Nobody yet" }]), ...people]}
                error={errors.field("ownerMemberId")}
              />
              <TextField label="By when" name="dueDate" type="date" defaultValue={action.dueDate} error={errors.field("dueDate")} />
              <SelectField
                label="Pillar it serves"
                name="pillarKey"
                defaultValue={action.pillarKey ?? ""}
                options={[{ value: "", label: "None in particular" }, ...pillars]}
                error={errors.field("pillarKey")}
              />
            </div>
          </>
        ) : null}
        <SelectField label="Status" name="status" defaultValue={action.status} options={STATUS_OPTIONS} error={errors.field("status")} />
        <TextAreaField label="Notes" name="notes" rows={4} maxLength={5000} defaultValue={action.notes} error={errors.field("notes")} />
        <Button type="submit" disabled={update.isPending}>
          {update.isPending ? "Saving…" : "Save changes"}
        </Button>
      </form>
    </div>
  );
}
