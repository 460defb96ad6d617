import clsx from "clsx";
import Link from "next/link";
import { Fragment } from "react";
import { date, isoDay } from "../../../../../_lib/format";
import { ItemMoves } from "./item-moves";
import { MOVE_WORDS, STATUS_BADGE, STATUS_LABEL, type Kind, type Side, type Status } from "./words";

type Person = { memberId: string; name: string } | null;

export interface Item {
  id: string;
  kind: Kind;
  side: Side;
  title: string;
  detail: string;
  counterpart: string;
  counterpartMember: Person;
  dueDate: Date | null;
  status: Status;
  maker: Person;
  responder: Person;
  responseNote: string;
  deliveredAt: Date | null;
  deliveredBy: Person;
  rating: number | null;
  ratingNote: string;
  actionId: string | null;
  events: { id: string; move: string; status: Status; note: string; at: Date; by: Person }[];
  canDo: ("accept" | "decline" | "clarify" | "answer" | "withdraw" | "deliver" | "lapse" | "toAction")[];
}

// One ask or offer: who made it, of (or for) whom, by (or from) when, why, where it stands, the
// other side's notes, the rating, its action, its history, and the moves the viewer may make.
export function ItemCard({
  item,
  slug,
  base,
  names,
  today,
}: {
  item: Item;
  slug: string;
  base: string;
  names: Record<Side, string>;
  today: Date;
}) {
  const ask = item.kind === "ASK";
  const other: Side = item.side === "HOST" ? "PARTNER" : "HOST";
  const whom = [item.counterpartMember?.name, item.counterpart].filter(Boolean).join(", ");
  const overdue = item.status === "ACCEPTED" && item.dueDate !== null && item.dueDate < today;
  const titleId = `item-${item.id}-title`;
  return (
    <li id={`item-${item.id}`} aria-labelledby={titleId} className="rounded-md p-4 ring-1 ring-slate-200">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">
            {ask ? `Ask by ${names[item.side]} of ${names[other]}` : `Offer by ${names[item.side]} to ${names[other]}`}
          </p>
          <h3 id={titleId} className="text-sm font-semibold break-words text-slate-900">
            {item.title}
          </h3>
        </div>
        <div className="flex flex-wrap gap-1.5">
          {overdue ? (
            <span className="rounded px-1.5 py-0.5 text-xs font-medium text-red-800 ring-1 ring-red-200 bg-red-50">Overdue</span>
          ) : null}
          <span className={clsx("rounded px-1.5 py-0.5 text-xs font-medium ring-1", STATUS_BADGE[item.status])}>
            {STATUS_LABEL[item.status]}
          </span>
        </div>
      </div>
      <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm text-slate-700 sm:grid-cols-[auto_1fr]">
        <dt className="font-medium text-slate-600">Made by</dt>
        <dd>
          {item.maker?.name ?? "–"} ({names[item.side]})
        </dd>
        <dt className="font-medium text-slate-600">{ask ? "Of whom" : "For whom"}</dt>
        <dd>{whom || `Nobody named at ${names[other]}`}</dd>
        <dt className="font-medium text-slate-600">{ask ? "By when" : "From when"}</dt>
        <dd>{item.dueDate ? date(item.dueDate) : "No date"}</dd>
        {item.detail ? (
          <>
            <dt className="font-medium text-slate-600">{ask ? "Why it matters" : "What it is"}</dt>
            <dd className="whitespace-pre-line break-words">{item.detail}</dd>
          </>
        ) : null}
        {notesOf(item).map((n) => (
          <Fragment key={n.label}>
            <dt className="font-medium text-slate-600">{n.label}</dt>
            <dd className="break-words">{n.text}</dd>
          </Fragment>
        ))}
        {item.status === "DELIVERED" ? (
          <>
            <dt className="font-medium text-slate-600">Delivered</dt>
            <dd>
              {date(item.deliveredAt)}, confirmed by {item.deliveredBy?.name ?? "–"}
              {item.rating !== null ? ` · rated ${item.rating} of 5` : ""}
              {item.ratingNote ? ` · “${item.ratingNote}”` : ""}
            </dd>
          </>
        ) : null}
        {item.actionId ? (
          <>
            <dt className="font-medium text-slate-600">Action</dt>
            <dd>
              <Link href={`${base}/actions/${item.actionId}`} className="font-medium text-brand-700 hover:underline">
                Open the action for “{item.title}”
              </Link>
            </dd>
          </>
        ) : null}
      </dl>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer font-medium text-slate-700">History ({item.events.length})</summary>
        <ol className="mt-1 space-y-1 text-slate-600">
          {item.events.map((e) => (
            <li key={e.id}>
              {date(e.at)}: {e.by?.name ?? "Someone"} {MOVE_WORDS[e.move] ?? e.move}
              {e.note ? ` · “${e.note}”` : ""}
            </li>
          ))}
        </ol>
      </details>
      <ItemMoves
        slug={slug}
        item={{
          id: item.id,
          kind: item.kind,
          title: item.title,
          counterpart: item.counterpart,
          dueDate: item.dueDate ? isoDay(item.dueDate) : "",
          canDo: item.canDo,
        }}
      />
    </li>
  );
}

// The notes that came with the moves: the question asked and its answer, the reason for
// declining, the note on accepting (the latest of each).
function notesOf(item: Item): { label: string; text: string }[] {
  const last = (move: string) => item.events.findLast((e) => e.move === move && e.note);
  const said = (e: Item["events"][number]) => `“${e.note}” (${e.by?.name ?? "someone"}, ${date(e.at)})`;
  const notes: { label: string; text: string }[] = [];
  const question = last("clarify");
  if (question) {
    notes.push({ label: "Question", text: said(question) });
    const answer = item.events.slice(item.events.indexOf(question) + 1).find((e) => e.move === "answer");
    notes.push({ label: "Answer", text: answer ? said(answer) : "Not answered yet." });
  }
  const accepted = last("accept");
  if (accepted) notes.push({ label: "Note on accepting", text: said(accepted) });
  const declined = last("decline");
  if (declined) notes.push({ label: "Reason for declining", text: said(declined) });
  const withdrawn = last("withdraw") ?? last("lapse");
  if (withdrawn) notes.push({ label: withdrawn.move === "withdraw" ? "Note on withdrawing" : "Note on lapsing", text: said(withdrawn) });
  return notes;
}
