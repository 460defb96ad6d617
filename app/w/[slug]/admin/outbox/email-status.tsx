import clsx from "clsx";
import type { RouterOutputs } from "~/server/trpc/types";
import { dateTime } from "./labels";
import { SendAgainButton } from "./send-again-button";

type Email = RouterOutputs["outbox"]["list"]["emails"][number];

const STYLE = {
  SENT: "bg-green-50 text-green-800 ring-green-600/30",
  FAILED: "bg-red-50 text-red-800 ring-red-600/30",
  PENDING: "bg-amber-50 text-amber-800 ring-amber-600/30",
  STORED: "bg-slate-100 text-slate-700 ring-slate-500/20",
  DROPPED: "bg-slate-100 text-slate-500 ring-slate-400/30 line-through decoration-slate-400",
} as const;

function label(e: Email) {
  switch (e.status) {
    case "SENT":
      return "Sent";
    case "FAILED":
      return `Failed ${e.attempts} ${e.attempts === 1 ? "time" : "times"}`;
    case "PENDING":
      return "Pending";
    case "STORED":
      return "Stored (no SMTP)";
    case "DROPPED":
      return "Dropped, not sent";
  }
}

export function EmailStatus({ email, slug }: { email: Email; slug: string }) {
  return (
    <div className="space-y-1">
      <span className={clsx("inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset", STYLE[email.status])}>
        {label(email)}
      </span>
      {email.status === "SENT" && email.sentAt ? <p className="text-xs text-slate-500">{dateTime(email.sentAt)}</p> : null}
      {email.status === "DROPPED" && email.droppedAt ? (
        <p className="max-w-xs break-words text-xs text-slate-600">
          {email.dropReason}
          <span className="block text-slate-500">{dateTime(email.droppedAt)}</span>
        </p>
      ) : null}
      {email.status === "FAILED" ? (
        <p className="max-w-xs break-words text-xs text-red-800">
          {email.lastError}
          <span className="block text-slate-500">
            {email.failedAt
              ? `Given up on ${dateTime(email.failedAt)} after its last try.`
              : email.gaveUp
                ? "No more attempts will be made."
                : "It will be retried."}
          </span>
        </p>
      ) : null}
      {email.status === "FAILED" && email.failedAt ? <SendAgainButton slug={slug} emailId={email.id} /> : null}
    </div>
  );
}
