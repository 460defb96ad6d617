"use client";
import { useMutation } from "@tanstack/react-query";
import { useId, useState, type FormEvent, type KeyboardEvent } from "react";
import { rankItems } from "~/server/services/retro/ranking";
import { listRevealed, VOTES_PER_LIST, type RetroPhase } from "~/server/services/retro/rules";
import { useTRPC } from "~/server/trpc/client";
import { Alert } from "../../../../../../_components/alert";
import { Button } from "../../../../../../_components/button";
import { TextAreaField } from "../../../../../../_components/field";
import { useFormErrors } from "../../../../../../_lib/use-form-errors";
import { ItemCard } from "./item-card";
import { LIST_HINT } from "./labels";
import { useRefresh, type ListView } from "./use-retro";

// The textarea is left uncontrolled and read on submit, so text typed before the page finished
// loading is not lost to hydration. Enter adds the item, as in other retro boards; Shift+Enter
// starts a new line.
function AddItemForm({ slug, retroId, list }: { slug: string; retroId: string; list: ListView }) {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const [empty, setEmpty] = useState(false);
  const add = useMutation(trpc.retro.addItem.mutationOptions({ onSettled: () => refresh() }));
  const errors = useFormErrors(add.error, ["text"], { text: empty ? "Write the item first." : null });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const text = String(new FormData(form).get("text") ?? "");
    setEmpty(!text.trim());
    if (text.trim()) add.mutate({ workspaceSlug: slug, retroId, list: list.list, text }, { onSuccess: () => form.reset() });
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    // Not while an input method is composing a character: its Enter confirms the character.
    if (event.key !== "Enter" || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    if (!add.isPending) event.currentTarget.form?.requestSubmit();
  }

  return (
    <form id={errors.formId} onSubmit={onSubmit} className="space-y-2" noValidate>
      <TextAreaField
        label={`Add to ${list.label}`}
        name="text"
        rows={2}
        maxLength={500}
        hint="Enter adds it; Shift+Enter starts a new line."
        error={errors.field("text")}
        onKeyDown={onKeyDown}
        onChange={() => {
          add.reset();
          setEmpty(false);
        }}
      />
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" size="sm" disabled={add.isPending}>
          {add.isPending ? "Adding…" : "Add item"}
        </Button>
        {errors.field("text") ? null : <Alert tone="error">{errors.summary}</Alert>}
      </div>
    </form>
  );
}

// One list as a column: what it is for, how many items it holds, the viewer's votes left while
// it is voted on, the add form while it is open, and its items (ranked once counted).
export function ItemColumn({ slug, retroId, phase, list }: { slug: string; retroId: string; phase: RetroPhase; list: ListView }) {
  const headingId = useId();
  const revealed = listRevealed(list.list, phase);
  const counted = list.items.some((i) => i.votes !== null);
  const items = counted ? rankItems(list.items.map((i) => ({ ...i, votes: i.votes ?? 0 }))) : list.items;
  const mine = list.items.filter((i) => i.mine).length;

  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <div>
        <h2 id={headingId} className="text-base font-semibold text-slate-900">
          {list.label}
        </h2>
        <p className="text-xs text-slate-500">{LIST_HINT[list.list]}</p>
      </div>
      <p className="text-sm text-slate-700" data-testid={`item-count-${list.list}`}>
        {list.count} {list.count === 1 ? "item" : "items"} added so far
        {!revealed ? ` (${mine} by you). Only you see yours until the facilitator reveals them.` : "."}
      </p>
      {list.canVote ? (
        <p
          role="status"
          className="rounded-md bg-brand-50 px-2 py-1 text-sm font-medium text-brand-900"
          data-testid={`votes-left-${list.list}`}
        >
          {list.votesLeft} of {VOTES_PER_LIST} votes left
        </p>
      ) : null}
      {list.canAdd ? <AddItemForm slug={slug} retroId={retroId} list={list} /> : null}
      {items.length ? (
        <ul className="space-y-2" aria-label={`${list.label} items`}>
          {items.map((item) => (
            <ItemCard key={item.id} slug={slug} list={list} item={list.items.find((i) => i.id === item.id)!} />
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-500">{revealed ? "No items." : "You have not added any yet."}</p>
      )}
    </section>
  );
}
