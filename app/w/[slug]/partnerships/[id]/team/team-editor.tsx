"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { errorMessage, useTRPC } from "~/server/trpc/client";
import { Alert } from "../../../../../_components/alert";
import { Button } from "../../../../../_components/button";
import { useFormErrors } from "../../../../../_lib/use-form-errors";

interface Person {
  memberId: string;
  name: string;
  email: string;
  roleLabel: string;
}

// Adds and removes host team members. Each change is saved at once and the page reloads its data;
// the server decides who may change the team and who may join it, and says why when it refuses.
export function TeamEditor({
  slug,
  partnershipId,
  members,
  candidates,
  mayEdit,
  refusal,
}: {
  slug: string;
  partnershipId: string;
  members: Person[];
  candidates: Person[];
  mayEdit: boolean;
  refusal: string | null;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [chosen, setChosen] = useState("");
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [missing, setMissing] = useState(false);
  const add = useMutation(trpc.team.add.mutationOptions());
  const remove = useMutation(trpc.team.remove.mutationOptions());
  // The person to add is the form's one field: its problems (none chosen, or the server's) show beside it.
  const errors = useFormErrors(add.error, ["memberId"], { memberId: missing ? "Choose someone to add." : null });
  const chooseProblem = errors.field("memberId");
  const busy = add.isPending || remove.isPending;

  async function addMember(e: FormEvent) {
    e.preventDefault();
    setMessage(null);
    setMissing(!chosen);
    if (!chosen) return;
    try {
      const { name } = await add.mutateAsync({ workspaceSlug: slug, partnershipId, memberId: chosen });
      setChosen("");
      setMessage({ tone: "success", text: `${name} is on the team, and is asked about this partnership in its open cycles.` });
      router.refresh();
    } catch {
      // Shown by the form: beside the field, or as its summary.
    }
  }

  async function removeMember(person: Person) {
    try {
      const { kept } = await remove.mutateAsync({ workspaceSlug: slug, partnershipId, memberId: person.memberId });
      setMessage({
        tone: "success",
        text: `${person.name} has left the team.${kept ? ` What they already answered (or saved as a draft) in ${kept === 1 ? "an open cycle" : `${kept} open cycles`} is kept and keeps counting.` : ""}`,
      });
      router.refresh();
    } catch (error) {
      setMessage({ tone: "error", text: errorMessage(error) });
    }
  }

  return (
    <div className="space-y-4">
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      {add.error && !chooseProblem ? <Alert tone="error">{errors.summary}</Alert> : null}
      {members.length === 0 ? (
        <p className="text-sm text-slate-600">Nobody besides the owner works on this partnership yet.</p>
      ) : (
        <ul className="divide-y divide-slate-100" aria-label="Host team">
          {members.map((m) => (
            <li key={m.memberId} className="flex flex-wrap items-center justify-between gap-2 py-3">
              <div>
                <p className="text-sm font-medium text-slate-900">{m.name}</p>
                <p className="text-xs text-slate-500">
                  {m.roleLabel} · {m.email}
                </p>
              </div>
              {mayEdit ? (
                <Button
                  variant="danger"
                  size="sm"
                  disabled={busy}
                  onClick={() => removeMember(m)}
                  aria-label={`Remove ${m.name} from the team`}
                >
                  Remove
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {mayEdit ? (
        candidates.length ? (
          <form id={errors.formId} onSubmit={addMember} className="flex flex-wrap items-end gap-2" noValidate>
            <div className="space-y-1">
              <label htmlFor="team-add" className="block text-sm font-medium text-slate-800">
                Add to the team
              </label>
              <select
                id="team-add"
                value={chosen}
                onChange={(e) => {
                  add.reset();
                  setMissing(false);
                  setChosen(e.target.value);
                }}
                aria-invalid={chooseProblem ? true : undefined}
                aria-describedby={chooseProblem ? "team-add-error" : undefined}
                className="block w-72 rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-600"
              >
                <option value="">Choose a person…</option>
                {candidates.map((c) => (
                  <option key={c.memberId} value={c.memberId}>
                    {c.name} ({c.roleLabel})
                  </option>
                ))}
              </select>
              {chooseProblem ? (
                <p id="team-add-error" className="text-xs text-red-700">
                  {chooseProblem}
                </p>
              ) : null}
            </div>
            <Button type="submit" disabled={busy}>
              {add.isPending ? "Adding…" : "Add"}
            </Button>
          </form>
        ) : (
          <p className="text-sm text-slate-600">Everyone who could join (alliance managers, admins and owners) is on it already.</p>
        )
      ) : (
        <p className="text-sm text-slate-600">{refusal}</p>
      )}
    </div>
  );
}
