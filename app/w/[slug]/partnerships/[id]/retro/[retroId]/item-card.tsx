"use client";
import { useMutation } from "@tanstack/react-query";
import clsx from "clsx";
import { useId, useRef, useState } from "react";
import { votesUsedMessage } from "~/server/services/retro/rules";
import { errorMessage, useTRPC } from "~/server/trpc/client";
import { Alert } from "../../../../../../_components/alert";
import { Button } from "../../../../../../_components/button";
import { keepFocusNear } from "../../../../../../_lib/keep-focus";
import { useFormErrors } from "../../../../../../_lib/use-form-errors";
import { useRefresh, type ItemView, type ListView } from "./use-retro";

const votes = (n: number) => `${n} ${n === 1 ? "vote" : "votes"}`;

// One item: its text, who wrote it (a name or a side, as the workspace's survey mode says), its
// votes once counted, and what the viewer can do with it right now.
export function ItemCard({ slug, list, item }: { slug: string; list: ListView; item: ItemView }) {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const editId = useId();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(item.text);
  const [confirmWithdraw, setConfirmWithdraw] = useState(false);
  const [moving, setMoving] = useState(false);
  // Where focus goes back to when the control that had it goes away (a closed editor, the
  // panel to move a vote): the item's own buttons, never the page's body.
  const voteButton = useRef<HTMLButtonElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const withdrawButton = useRef<HTMLButtonElement>(null);
  const refocus = (button: { current: HTMLButtonElement | null }) => requestAnimationFrame(() => button.current?.focus());
  const onSettled = () => refresh();
  const edit = useMutation(trpc.retro.editItem.mutationOptions({ onSettled }));
  const withdraw = useMutation(trpc.retro.withdrawItem.mutationOptions({ onSettled }));
  const vote = useMutation(trpc.retro.vote.mutationOptions({ onSettled }));
  const unvote = useMutation(trpc.retro.unvote.mutationOptions({ onSettled }));
  const move = useMutation(trpc.retro.moveVote.mutationOptions({ onSettled }));
  const pending = edit.isPending || withdraw.isPending || vote.isPending || unvote.isPending || move.isPending;
  const error = edit.error ?? withdraw.error ?? vote.error ?? unvote.error ?? move.error;
  const editErrors = useFormErrors(edit.error, ["text"]);
  const textProblem = editErrors.field("text");
  const reset = () => [edit, withdraw, vote, unvote, move].forEach((m) => m.reset());
  const myOtherVotes = list.items.filter((i) => i.votedByMe && i.id !== item.id);

  function startEdit() {
    setDraft(item.text);
    setEditing(true);
  }

  function cancelEdit() {
    setEditing(false);
    setDraft(item.text);
    reset();
    refocus(editButton);
  }

  // The vote button stays enabled while its vote is on the way (a disabled button would drop
  // focus to the page); a second press meanwhile does nothing.
  function onVote() {
    if (pending) return;
    reset();
    if (item.votedByMe) unvote.mutate({ workspaceSlug: slug, itemId: item.id });
    // Out of votes: offer to move one here in one step instead of refusing.
    else if (list.votesLeft <= 0) setMoving(true);
    else vote.mutate({ workspaceSlug: slug, itemId: item.id });
  }

  return (
    <li
      className={clsx(
        "rounded-md p-3 text-sm ring-1 ring-inset",
        item.rank ? "bg-amber-50 ring-amber-300" : item.mine ? "bg-brand-50/40 ring-brand-100" : "bg-white ring-slate-200",
      )}
    >
      {item.rank ? <p className="mb-1 text-xs font-semibold uppercase tracking-wide text-amber-800">Top {item.rank}</p> : null}
      {editing ? (
        <form
          id={editErrors.formId}
          onSubmit={(e) => {
            e.preventDefault();
            edit.mutate(
              { workspaceSlug: slug, itemId: item.id, text: draft },
              {
                onSuccess: () => {
                  setEditing(false);
                  refocus(editButton);
                },
              },
            );
          }}
          className="space-y-2"
        >
          <label htmlFor={editId} className="sr-only">
            Edit item
          </label>
          <textarea
            id={editId}
            rows={3}
            maxLength={500}
            value={draft}
            onChange={(e) => {
              edit.reset();
              setDraft(e.target.value);
            }}
            aria-invalid={textProblem ? true : undefined}
            aria-describedby={textProblem ? `${editId}-error` : undefined}
            className="block w-full rounded-md border-0 px-2 py-1.5 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-600"
          />
          {textProblem ? (
            <p id={`${editId}-error`} className="text-xs text-red-700">
              {textProblem}
            </p>
          ) : null}
          <div className="flex gap-2">
            <Button type="submit" size="sm" disabled={pending || !draft.trim()}>
              {edit.isPending ? "Saving…" : "Save"}
            </Button>
            <Button size="sm" variant="secondary" onClick={cancelEdit} disabled={pending}>
              Cancel
            </Button>
          </div>
        </form>
      ) : (
        <p className="whitespace-pre-wrap break-words text-slate-900">{item.text}</p>
      )}
      <p className="mt-1 text-xs text-slate-500">
        {item.mine ? "You" : item.author}
        {item.votes !== null ? <span className="font-medium text-slate-700"> · {votes(item.votes)}</span> : null}
      </p>

      {!editing && (item.canEdit || list.canVote) ? (
        <div className="mt-2 flex flex-wrap items-center gap-2">
          {list.canVote ? (
            <Button
              size="sm"
              variant={item.votedByMe ? "primary" : "secondary"}
              ref={voteButton}
              // The spoken name starts with the visible word ("Vote", "Voted"), so a person who
              // says what they see (voice control) reaches it.
              aria-label={item.votedByMe ? `Voted for ${item.text}: remove vote` : `Vote for ${item.text}`}
              aria-disabled={pending || undefined}
              onClick={onVote}
            >
              {item.votedByMe ? (
                <>
                  Voted <span aria-hidden="true">✓</span>
                </>
              ) : (
                "Vote"
              )}
            </Button>
          ) : null}
          {item.canEdit && !confirmWithdraw ? (
            <>
              <Button ref={editButton} size="sm" variant="ghost" aria-label={`Edit ${item.text}`} onClick={startEdit}>
                Edit
              </Button>
              <Button
                ref={withdrawButton}
                size="sm"
                variant="ghost"
                aria-label={`Withdraw ${item.text}`}
                onClick={() => setConfirmWithdraw(true)}
              >
                Withdraw
              </Button>
            </>
          ) : null}
          {confirmWithdraw ? (
            <span className="flex flex-wrap items-center gap-2">
              <span className="text-xs text-slate-700">Withdraw this item?</span>
              <Button
                size="sm"
                variant="danger"
                disabled={pending}
                onClick={(e) => {
                  // The item, and this button with it, goes away once withdrawn.
                  keepFocusNear(e.currentTarget);
                  withdraw.mutate({ workspaceSlug: slug, itemId: item.id });
                }}
              >
                {withdraw.isPending ? "Withdrawing…" : "Yes, withdraw"}
              </Button>
              <Button
                size="sm"
                variant="secondary"
                onClick={() => {
                  setConfirmWithdraw(false);
                  refocus(withdrawButton);
                }}
                disabled={pending}
              >
                Keep it
              </Button>
            </span>
          ) : null}
        </div>
      ) : null}

      {moving ? (
        <div className="mt-2 space-y-2 rounded-md bg-slate-50 p-2">
          <p className="text-xs text-slate-700">{votesUsedMessage(list.list)}</p>
          <ul className="space-y-1">
            {myOtherVotes.map((from) => (
              <li key={from.id}>
                <Button
                  size="sm"
                  variant="secondary"
                  className="max-w-full justify-start text-left"
                  disabled={pending}
                  onClick={() =>
                    move.mutate(
                      { workspaceSlug: slug, itemId: from.id, toItemId: item.id },
                      {
                        onSuccess: () => {
                          setMoving(false);
                          refocus(voteButton);
                        },
                      },
                    )
                  }
                >
                  <span className="truncate">Move my vote from {from.text}</span>
                </Button>
              </li>
            ))}
          </ul>
          <Button
            size="sm"
            variant="ghost"
            onClick={() => {
              setMoving(false);
              refocus(voteButton);
            }}
          >
            Cancel
          </Button>
        </div>
      ) : null}

      {error && !textProblem ? (
        <Alert tone="error" className="mt-2">
          {edit.error ? editErrors.summary : errorMessage(error)}
        </Alert>
      ) : null}
    </li>
  );
}
