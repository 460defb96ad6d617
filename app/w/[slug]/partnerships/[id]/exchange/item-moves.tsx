"use client";
// The moves the viewer may make now on one ask or offer (the server's `canDo`), each a button or
// a small form. After a move the page reloads the exchange; a refusal or a conflict ("This ask was
// already accepted.") stays in view above the buttons, since the form it came from may be gone.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent, type ReactNode } from "react";
import { errorMessage, useTRPC } from "~/server/trpc/client";
import { Alert } from "../../../../../_components/alert";
import { Button } from "../../../../../_components/button";
import { TextAreaField, TextField } from "../../../../../_components/field";
import { fieldErrorsOf, useFormErrors } from "../../../../../_lib/use-form-errors";
import { useMoveNote } from "./move-notes";
import { RatingField } from "./rating-field";
import type { Kind } from "./words";

type Move = "accept" | "decline" | "clarify" | "answer" | "withdraw" | "deliver" | "lapse" | "toAction";
type FormMove = "accept" | "decline" | "clarify" | "answer" | "deliver";

export interface MovableItem {
  id: string;
  kind: Kind;
  title: string;
  dueDate: string;
  counterpart: string;
  canDo: Move[];
}

const BUTTON: Record<Move, string> = {
  accept: "Accept",
  decline: "Decline",
  clarify: "Ask to clarify",
  answer: "Answer the question",
  withdraw: "Withdraw",
  deliver: "Confirm delivered",
  lapse: "Mark lapsed",
  toAction: "Turn into an action",
};

export function ItemMoves({ slug, item }: { slug: string; item: MovableItem }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState<FormMove | null>(null);
  const [note, setNote] = useMoveNote(item.id);
  const target = { workspaceSlug: slug, itemId: item.id };
  const word = item.kind === "ASK" ? "ask" : "offer";

  // What every move does when it settles: a clear sentence, the form closed, the page reloaded.
  const after = (said: string) => ({
    onSuccess: () => {
      setOpen(null);
      setNote({ tone: "success", text: said });
      router.refresh();
    },
    onError: (error: unknown) => {
      // Field problems show beside their fields; anything else (a conflict, a refusal) up here.
      if (Object.keys(fieldErrorsOf(error)).length === 0) setNote({ tone: "error", text: errorMessage(error) });
      router.refresh();
    },
  });
  const accept = useMutation(trpc.exchange.accept.mutationOptions(after(`Accepted the ${word}.`)));
  const decline = useMutation(trpc.exchange.decline.mutationOptions(after(`Declined the ${word}.`)));
  const clarify = useMutation(trpc.exchange.clarify.mutationOptions(after("Sent your question.")));
  const answer = useMutation(trpc.exchange.answer.mutationOptions(after("Sent your answer.")));
  const withdraw = useMutation(trpc.exchange.withdraw.mutationOptions(after(`Withdrew the ${word}.`)));
  const deliver = useMutation(trpc.exchange.deliver.mutationOptions(after("Confirmed delivered, with your rating.")));
  const lapse = useMutation(trpc.exchange.lapse.mutationOptions(after(`Marked the ${word} lapsed.`)));
  const toAction = useMutation(trpc.exchange.toAction.mutationOptions(after("Turned the ask into an action.")));
  const pending = [accept, decline, clarify, answer, withdraw, deliver, lapse, toAction].some((m) => m.isPending);

  if (item.canDo.length === 0 && !note) return null;

  const start = (move: Move) => {
    setNote(null);
    if (move === "withdraw") withdraw.mutate({ ...target, note: "" });
    else if (move === "lapse") lapse.mutate({ ...target, note: "" });
    else if (move === "toAction") toAction.mutate(target);
    else setOpen(open === move ? null : move);
  };

  return (
    <div className="mt-3 space-y-3 border-t border-slate-100 pt-3">
      {note ? <Alert tone={note.tone}>{note.text}</Alert> : null}
      {item.canDo.length > 0 ? (
        <div className="flex flex-wrap gap-2">
          {item.canDo.map((move) => (
            <Button
              key={move}
              size="sm"
              variant={
                move === "accept" || move === "deliver" ? "primary" : move === "withdraw" || move === "decline" ? "danger" : "secondary"
              }
              aria-expanded={move === open ? true : ["withdraw", "lapse", "toAction"].includes(move) ? undefined : false}
              disabled={pending}
              onClick={() => start(move)}
            >
              {BUTTON[move]}
            </Button>
          ))}
        </div>
      ) : null}
      {open === "accept" ? (
        <NoteForm
          label="Note (optional)"
          submit={`Accept the ${word}`}
          pendingText="Accepting…"
          mutation={accept}
          send={(text) => accept.mutate({ ...target, note: text })}
          field="note"
        />
      ) : null}
      {open === "decline" ? (
        <NoteForm
          label="Why you decline"
          hint="Required: it helps the other side ask better next time."
          required
          submit={`Decline the ${word}`}
          pendingText="Declining…"
          mutation={decline}
          send={(text) => decline.mutate({ ...target, reason: text })}
          field="reason"
        />
      ) : null}
      {open === "clarify" ? (
        <NoteForm
          label="Your question"
          required
          submit="Send the question"
          pendingText="Sending…"
          mutation={clarify}
          send={(text) => clarify.mutate({ ...target, question: text })}
          field="question"
        />
      ) : null}
      {open === "answer" ? <AnswerForm item={item} mutation={answer} send={(input) => answer.mutate({ ...target, ...input })} /> : null}
      {open === "deliver" ? (
        <DeliverForm itemId={item.id} mutation={deliver} send={(input) => deliver.mutate({ ...target, ...input })} />
      ) : null}
    </div>
  );
}

interface Pendable {
  isPending: boolean;
  error: unknown;
}

function MoveForm({
  formId,
  children,
  submit,
  pending,
  pendingText,
}: {
  formId: string;
  children: ReactNode;
  submit: string;
  pending: boolean;
  pendingText: string;
}) {
  return (
    <div id={formId} className="space-y-3 rounded-md bg-slate-50 p-3">
      {children}
      <Button type="submit" size="sm" disabled={pending}>
        {pending ? pendingText : submit}
      </Button>
    </div>
  );
}

function NoteForm(props: {
  label: string;
  hint?: string;
  required?: boolean;
  submit: string;
  pendingText: string;
  mutation: Pendable;
  send: (text: string) => void;
  field: string;
}) {
  const errors = useFormErrors(props.mutation.error, [props.field]);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    props.send(String(new FormData(event.currentTarget).get("text") ?? ""));
  }
  return (
    <form onSubmit={onSubmit} noValidate>
      <MoveForm formId={errors.formId} submit={props.submit} pending={props.mutation.isPending} pendingText={props.pendingText}>
        <TextAreaField
          label={props.label}
          hint={props.hint}
          name="text"
          rows={2}
          maxLength={2000}
          required={props.required}
          error={errors.field(props.field)}
        />
      </MoveForm>
    </form>
  );
}

function AnswerForm({
  item,
  mutation,
  send,
}: {
  item: MovableItem;
  mutation: Pendable;
  send: (input: { answer: string; title?: string; counterpart?: string; dueDate?: string | null }) => void;
}) {
  const errors = useFormErrors(mutation.error, ["answer", "title", "counterpart", "dueDate"]);
  const ask = item.kind === "ASK";
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? "");
    // Only what was changed is sent as an edit.
    send({
      answer: value("answer"),
      ...(value("title") !== item.title ? { title: value("title") } : {}),
      ...(value("counterpart") !== item.counterpart ? { counterpart: value("counterpart") } : {}),
      ...(value("dueDate") !== item.dueDate ? { dueDate: value("dueDate") || null } : {}),
    });
  }
  return (
    <form onSubmit={onSubmit} noValidate>
      <MoveForm formId={errors.formId} submit="Send the answer" pending={mutation.isPending} pendingText="Sending…">
        <TextAreaField label="Your answer" name="answer" rows={2} maxLength={2000} required error={errors.field("answer")} />
        <p className="text-xs text-slate-600">Change the {ask ? "ask" : "offer"} too, if the question showed it was unclear:</p>
        <TextField
          label={ask ? "What exactly you ask for" : "What exactly you offer"}
          name="title"
          maxLength={200}
          defaultValue={item.title}
          error={errors.field("title")}
        />
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField
            label="Role or person, as you would say it"
            name="counterpart"
            maxLength={200}
            defaultValue={item.counterpart}
            error={errors.field("counterpart")}
          />
          <TextField
            label={ask ? "By when" : "From when"}
            name="dueDate"
            type="date"
            defaultValue={item.dueDate}
            error={errors.field("dueDate")}
          />
        </div>
      </MoveForm>
    </form>
  );
}

function DeliverForm({
  itemId,
  mutation,
  send,
}: {
  itemId: string;
  mutation: Pendable;
  send: (input: { rating: number; note: string }) => void;
}) {
  const [rating, setRating] = useState<number | null>(null);
  const [missing, setMissing] = useState(false);
  const errors = useFormErrors(mutation.error, ["rating", "note"], { rating: missing ? "Rate the value from 1 to 5." : null });
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (rating === null) {
      setMissing(true);
      return;
    }
    send({ rating, note: String(new FormData(event.currentTarget).get("note") ?? "") });
  }
  return (
    <form onSubmit={onSubmit} noValidate>
      <MoveForm formId={errors.formId} submit="Confirm delivered and rate" pending={mutation.isPending} pendingText="Confirming…">
        <RatingField
          name={`rating-${itemId}`}
          value={rating}
          onChange={(n) => {
            setRating(n);
            setMissing(false);
          }}
          error={errors.field("rating")}
        />
        <TextAreaField label="Note on the value (optional)" name="note" rows={2} maxLength={2000} error={errors.field("note")} />
      </MoveForm>
    </form>
  );
}
