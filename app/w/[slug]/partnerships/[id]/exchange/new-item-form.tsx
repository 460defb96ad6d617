"use client";
// Making an ask or an offer: what exactly, of (or for) whom on the other side, by (or from) when,
// and why it matters. As the person types, the clear-ask rules (the same pure function the server
// uses) say what is missing, with an example of a clear one. Sending a vague one takes a second,
// deliberate click ("Send anyway"): the form coaches, it never refuses.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { clarityHints } from "~/server/services/exchange/clarity";
import { useTRPC } from "~/server/trpc/client";
import { Alert } from "../../../../../_components/alert";
import { Button } from "../../../../../_components/button";
import { SelectField, TextAreaField, TextField } from "../../../../../_components/field";
import { useFormErrors } from "../../../../../_lib/use-form-errors";
import type { Kind } from "./words";

interface Props {
  slug: string;
  partnershipId: string;
  otherName: string;
  // The other side's people, who an ask can be of (or an offer for).
  people: { memberId: string; name: string }[];
  today: string;
}

const EMPTY = { title: "", detail: "", counterpart: "", counterpartMemberId: "", dueDate: "" };
const FIELDS = ["kind", "title", "detail", "counterpart", "counterpartMemberId", "dueDate"] as const;

export function NewItemForm({ slug, partnershipId, otherName, people, today }: Props) {
  const trpc = useTRPC();
  const router = useRouter();
  const [kind, setKind] = useState<Kind>("ASK");
  const [fields, setFields] = useState(EMPTY);
  // The hints the person was shown when they pressed send: the same ones again send it anyway.
  const [coached, setCoached] = useState<string | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const create = useMutation(
    trpc.exchange.create.mutationOptions({
      onSuccess: (_item, input) => {
        setSent(`Sent the ${input.kind === "ASK" ? "ask" : "offer"} “${input.title}” to ${otherName}.`);
        setFields(EMPTY);
        setCoached(null);
        router.refresh();
      },
    }),
  );
  const errors = useFormErrors(create.error, FIELDS);

  const ask = kind === "ASK";
  const hints = clarityHints({
    kind,
    title: fields.title,
    counterpart: fields.counterpart,
    counterpartMemberId: fields.counterpartMemberId || null,
    dueDate: fields.dueDate ? new Date(`${fields.dueDate}T00:00:00Z`) : null,
  });
  const signature = hints.map((h) => h.flag).join(",");
  const started = Object.values(fields).some((v) => v.trim() !== "");
  const confirming = hints.length > 0 && coached === signature;

  const set = (name: keyof typeof EMPTY) => (event: { target: { value: string } }) => {
    setFields((f) => ({ ...f, [name]: event.target.value }));
    setSent(null);
  };

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSent(null);
    // A blank title goes straight to the server, which says what is missing beside the field.
    if (fields.title.trim() !== "" && hints.length > 0 && !confirming) {
      setCoached(signature);
      return;
    }
    create.mutate({
      workspaceSlug: slug,
      partnershipId,
      kind,
      title: fields.title,
      detail: fields.detail,
      counterpart: fields.counterpart,
      counterpartMemberId: fields.counterpartMemberId || null,
      dueDate: fields.dueDate || null,
    });
  }

  return (
    <form id={errors.formId} onSubmit={onSubmit} className="space-y-4" noValidate aria-label={ask ? "Make an ask" : "Make an offer"}>
      <Alert tone="error">{errors.summary}</Alert>
      <Alert tone="success">{sent}</Alert>
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">What you are making</legend>
        <div className="mt-2 flex flex-wrap gap-4">
          {(["ASK", "OFFER"] as const).map((k) => (
            <label key={k} className="flex items-center gap-2 text-sm">
              <input
                type="radio"
                name="kind"
                value={k}
                checked={kind === k}
                onChange={() => {
                  setKind(k);
                  setCoached(null);
                }}
                className="h-4 w-4 accent-brand-600"
              />
              {k === "ASK" ? `An ask of ${otherName}` : `An offer to ${otherName}`}
            </label>
          ))}
        </div>
      </fieldset>
      <TextField
        label={ask ? "What exactly you ask for" : "What exactly you offer"}
        name="title"
        required
        maxLength={200}
        value={fields.title}
        onChange={set("title")}
        placeholder={ask ? "Three warm intros to Nordic retailers" : "Two speaker slots at our March partner summit"}
        error={errors.field("title")}
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField
          label={ask ? `Of whom at ${otherName}` : `For whom at ${otherName}`}
          name="counterpartMemberId"
          value={fields.counterpartMemberId}
          onChange={set("counterpartMemberId")}
          options={[
            { value: "", label: people.length ? "A role (type it)…" : "Nobody listed: type a role" },
            ...people.map((p) => ({ value: p.memberId, label: p.name })),
          ]}
          error={errors.field("counterpartMemberId")}
        />
        <TextField
          label="Role or person, as you would say it"
          name="counterpart"
          maxLength={200}
          value={fields.counterpart}
          onChange={set("counterpart")}
          placeholder="Channel lead"
          error={errors.field("counterpart")}
        />
        <TextField
          label={ask ? "By when" : "From when"}
          name="dueDate"
          type="date"
          min={today}
          value={fields.dueDate}
          onChange={set("dueDate")}
          error={errors.field("dueDate")}
        />
      </div>
      <TextAreaField
        label={ask ? "Why it matters" : "What it is, and why it matters to them"}
        name="detail"
        rows={3}
        maxLength={2000}
        value={fields.detail}
        onChange={set("detail")}
        error={errors.field("detail")}
      />
      {started && hints.length > 0 ? (
        <div className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">
          <p className="font-medium">{ask ? "To make this a clear ask:" : "To make this a clear offer:"}</p>
          <ul className="mt-1 list-disc space-y-0.5 pl-5">
            {hints.map((h) => (
              <li key={h.flag}>{h.message}</li>
            ))}
          </ul>
          <p className="mt-2">
            <span className="font-medium">A clear one:</span> {hints[0]?.example}
          </p>
        </div>
      ) : null}
      <Alert tone="warning">
        {confirming
          ? `This ${ask ? "ask" : "offer"} is vague (see above). Make it clearer, or press “Send anyway” to send it as it is.`
          : null}
      </Alert>
      <Button type="submit" disabled={create.isPending}>
        {create.isPending ? "Sending…" : confirming ? "Send anyway" : ask ? "Send the ask" : "Send the offer"}
      </Button>
    </form>
  );
}
