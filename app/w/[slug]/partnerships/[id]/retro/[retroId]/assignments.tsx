"use client";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useId, useState, type FormEvent } from "react";
import { useTRPC } from "~/server/trpc/client";
import { Alert } from "../../../../../../_components/alert";
import { Button } from "../../../../../../_components/button";
import { Card } from "../../../../../../_components/card";
import { SelectField, TextField } from "../../../../../../_components/field";
import { date, isoDay } from "../../../../../../_lib/format";
import { useFormErrors } from "../../../../../../_lib/use-form-errors";
import { Dialog, DialogActions } from "../../../../admin/_components/dialog";
import { useRefresh, type ActionView, type RetroView } from "./use-retro";

// Today in the person's own time zone, the earliest by-when date to offer.
const today = () => {
  const now = new Date();
  return isoDay(new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())));
};

function pillarOptions(view: RetroView) {
  return [{ value: "", label: "No particular pillar" }, ...view.pillars.map((p) => ({ value: p.key, label: p.name }))];
}

function VolunteerForm({ slug, view, action }: { slug: string; view: RetroView; action: ActionView }) {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const [dueDate, setDueDate] = useState("");
  const [pillarKey, setPillarKey] = useState("");
  const take = useMutation(trpc.retro.volunteer.mutationOptions({ onSettled: () => refresh() }));
  const errors = useFormErrors(take.error, ["dueDate", "pillarKey"]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    take.mutate({ workspaceSlug: slug, actionId: action.id, dueDate, pillarKey: pillarKey || null });
  }

  return (
    <form id={errors.formId} onSubmit={onSubmit} className="mt-3 grid gap-3 sm:grid-cols-[10rem_1fr_auto] sm:items-end" noValidate>
      <TextField
        label="By when"
        type="date"
        min={today()}
        required
        value={dueDate}
        onChange={(e) => setDueDate(e.target.value)}
        error={errors.field("dueDate")}
      />
      <SelectField
        label="Pillar"
        value={pillarKey}
        onChange={(e) => setPillarKey(e.target.value)}
        options={pillarOptions(view)}
        error={errors.field("pillarKey")}
      />
      <Button type="submit" disabled={take.isPending || !dueDate}>
        {take.isPending ? "Taking it…" : "Volunteer"}
      </Button>
      <Alert tone="error" className="sm:col-span-3">
        {errors.summary}
      </Alert>
    </form>
  );
}

// The facilitator names an owner from either side, for an action nobody took or to hand it over.
function AssignDialog({ slug, view, action }: { slug: string; view: RetroView; action: ActionView }) {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [memberId, setMemberId] = useState(action.ownerMemberId ?? "");
  const [dueDate, setDueDate] = useState(action.dueDate ? isoDay(action.dueDate) : "");
  const [pillarKey, setPillarKey] = useState(action.pillarKey ?? "");
  const [version, setVersion] = useState(action.version);
  const assign = useMutation(trpc.retro.assign.mutationOptions({ onSuccess: () => setOpen(false), onSettled: () => refresh() }));
  const errors = useFormErrors(assign.error, ["memberId", "dueDate", "pillarKey"]);

  function onOpenChange(next: boolean) {
    if (assign.isPending) return;
    assign.reset();
    if (next) {
      setMemberId(action.ownerMemberId ?? "");
      setDueDate(action.dueDate ? isoDay(action.dueDate) : "");
      setPillarKey(action.pillarKey ?? "");
      setVersion(action.version);
    }
    setOpen(next);
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    assign.mutate({ workspaceSlug: slug, actionId: action.id, memberId, dueDate, pillarKey: pillarKey || null, version });
  }

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      trigger={
        <Button size="sm" variant="secondary" aria-label={`${action.ownerMemberId ? "Reassign" : "Assign"} ${action.title}`}>
          {action.ownerMemberId ? "Reassign" : "Assign"}
        </Button>
      }
      title="Assign an owner"
      description={action.title}
    >
      <form id={errors.formId} onSubmit={onSubmit} className="space-y-4" noValidate>
        <SelectField
          label="Owner"
          error={errors.field("memberId")}
          value={memberId}
          onChange={(e) => setMemberId(e.target.value)}
          options={[
            { value: "", label: "Choose someone" },
            ...view.people.map((p) => ({ value: p.memberId, label: `${p.name} (${p.side})` })),
          ]}
        />
        <TextField
          label="By when"
          type="date"
          min={today()}
          value={dueDate}
          onChange={(e) => setDueDate(e.target.value)}
          error={errors.field("dueDate")}
        />
        <SelectField
          label="Pillar"
          value={pillarKey}
          onChange={(e) => setPillarKey(e.target.value)}
          options={pillarOptions(view)}
          error={errors.field("pillarKey")}
        />
        <Alert tone="error">{errors.summary}</Alert>
        <DialogActions label="Assign" pendingLabel="Assigning…" pending={assign.isPending} disabled={!memberId || !dueDate} />
      </form>
    </Dialog>
  );
}

// A "Start doing" item becomes an ask of the other side as well, by the side of whoever makes it.
function MakeAskDialog({ slug, action }: { slug: string; action: ActionView }) {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [dueDate, setDueDate] = useState("");
  const make = useMutation(trpc.retro.makeAsk.mutationOptions({ onSuccess: () => setOpen(false), onSettled: () => refresh() }));
  const errors = useFormErrors(make.error, ["dueDate"]);

  function onOpenChange(next: boolean) {
    if (make.isPending) return;
    make.reset();
    setOpen(next);
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    make.mutate({ workspaceSlug: slug, itemId: action.retroItemId!, dueDate: dueDate || null });
  }

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      trigger={
        <Button size="sm" variant="secondary" aria-label={`Make it an ask: ${action.title}`}>
          Make it an ask
        </Button>
      }
      title="Make it an ask of the other side"
      description={`${action.title}. Your side asks it of the other side; they accept, decline or ask to clarify on the Exchange tab.`}
    >
      <form id={errors.formId} onSubmit={onSubmit} className="space-y-4" noValidate>
        <TextField
          label="By when"
          type="date"
          min={today()}
          value={dueDate}
          onChange={(e) => setDueDate(e.target.value)}
          error={errors.field("dueDate")}
        />
        <Alert tone="error">{errors.summary}</Alert>
        <DialogActions label="Make it an ask" pendingLabel="Asking…" pending={make.isPending} />
      </form>
    </Dialog>
  );
}

function ActionRow({ slug, view, action }: { slug: string; view: RetroView; action: ActionView }) {
  const headingId = useId();
  const assigning = view.retro.phase === "ASSIGNING";
  return (
    <li>
      <article aria-labelledby={headingId} className="rounded-md p-3 ring-1 ring-inset ring-slate-200">
        <div className="flex flex-wrap items-start justify-between gap-2">
          <h3 id={headingId} className="text-sm font-semibold text-slate-900">
            {action.title}
          </h3>
          <div className="flex gap-2">
            {action.canMakeAsk ? <MakeAskDialog slug={slug} action={action} /> : null}
            {view.viewer.canFacilitate && assigning ? <AssignDialog slug={slug} view={view} action={action} /> : null}
          </div>
        </div>
        {action.ask ? (
          <p className="mt-1 text-sm text-slate-700">
            Also an ask of the other side ({action.ask.status.toLowerCase()}):{" "}
            <Link
              className="font-medium text-brand-700 hover:underline"
              href={`/w/${slug}/partnerships/${view.retro.partnershipId}/exchange`}
            >
              see it on the Exchange tab
            </Link>
            .
          </p>
        ) : null}
        <p className="mt-1 text-sm text-slate-700" data-testid="action-owner">
          {action.ownerName ? (
            <>
              Owner: <strong>{action.mine ? `You (${action.ownerName})` : action.ownerName}</strong>, {action.ownerSide} · by{" "}
              {date(action.dueDate)}
              {action.pillarName ? ` · ${action.pillarName}` : ""}
            </>
          ) : (
            "No owner yet."
          )}
        </p>
        {action.canVolunteer ? <VolunteerForm slug={slug} view={view} action={action} /> : null}
      </article>
    </li>
  );
}

// The actions the top Start doing items became, each waiting for (or showing) its owner.
export function Assignments({ slug, view }: { slug: string; view: RetroView }) {
  return (
    <Card
      title="Actions"
      description="Each top Start doing item is an action. One person, from either side, owns each one and sets its by-when date."
    >
      {view.actions.length ? (
        <ul className="space-y-3">
          {view.actions.map((a) => (
            <ActionRow key={a.id} slug={slug} view={view} action={a} />
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600">No Start doing item received a vote, so this retro has no actions.</p>
      )}
    </Card>
  );
}
