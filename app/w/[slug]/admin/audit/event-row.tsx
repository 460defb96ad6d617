// One event of the audit log: when, who, what (the event's name and what it was about, with its
// recorded details on request), and from which address.
import type { RouterOutputs } from "~/server/trpc/types";
import { dateTime } from "~/server/services/dates";

type AuditEvent = RouterOutputs["audit"]["list"]["events"][number];

// A recorded detail in words: text as it is, lists one per line, anything else as JSON.
function detailValue(value: unknown): string {
  if (typeof value === "string") return value;
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value.join("\n");
  return JSON.stringify(value);
}

function Details({ detail }: { detail: AuditEvent["detail"] }) {
  if (detail === null || typeof detail !== "object" || Array.isArray(detail)) return null;
  const entries = Object.entries(detail);
  if (entries.length === 0) return null;
  return (
    <details className="mt-1">
      <summary className="cursor-pointer text-xs font-medium text-brand-700">Details</summary>
      <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
        {entries.map(([key, value]) => (
          <div key={key} className="contents">
            <dt className="font-medium text-slate-500">{key}</dt>
            <dd className="whitespace-pre-wrap break-words font-mono text-slate-700">{detailValue(value)}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

export function EventRow({ event: e }: { event: AuditEvent }) {
  // An account's event without a target is about its account: name whose, unless it was their own
  // doing (a sign-in names its person once, as who).
  const own = e.subject !== null && e.actor !== null && e.subject.email === e.actor.email;
  const about = e.target ?? (e.subject && !own ? `${e.subject.name} (${e.subject.email})` : own ? null : e.email);
  return (
    <tr className="align-top">
      <td className="whitespace-nowrap">
        <time dateTime={new Date(e.at).toISOString()}>{dateTime(e.at)}</time>
      </td>
      <td className="min-w-48">
        {e.actor ? (
          <>
            <span className="font-medium text-slate-900">{e.actor.name}</span>
            <span className="block break-all text-xs text-slate-500">{e.actor.email}</span>
          </>
        ) : (
          <span className="text-slate-500">{e.account ? "Not signed in" : "The system"}</span>
        )}
      </td>
      <td className="min-w-72">
        <span className="font-medium text-slate-900">{e.label}</span>
        {e.account ? (
          <span className="ml-2 rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-600 ring-1 ring-inset ring-slate-500/20">
            account
          </span>
        ) : null}
        {about ? <span className="block break-words text-slate-700">{about}</span> : null}
        <Details detail={e.detail} />
      </td>
      <td className="whitespace-nowrap font-mono text-xs">{e.address ?? "–"}</td>
    </tr>
  );
}
