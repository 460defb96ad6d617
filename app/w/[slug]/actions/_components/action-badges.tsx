// How an action's status and lateness read, here and on each partnership's actions page. Lateness
// is said in words ("Overdue"), not by colour alone.
import clsx from "clsx";
import { date } from "../../../../_lib/format";

export type ActionStatus = "OPEN" | "IN_PROGRESS" | "DONE" | "DROPPED";

export const STATUS_LABEL: Record<ActionStatus, string> = { OPEN: "Open", IN_PROGRESS: "In progress", DONE: "Done", DROPPED: "Dropped" };
export const STATUS_OPTIONS = (Object.keys(STATUS_LABEL) as ActionStatus[]).map((value) => ({ value, label: STATUS_LABEL[value] }));

const STYLE: Record<ActionStatus, string> = {
  OPEN: "bg-slate-100 text-slate-700 ring-slate-500/20",
  IN_PROGRESS: "bg-brand-50 text-brand-800 ring-brand-600/30",
  DONE: "bg-green-50 text-green-800 ring-green-600/30",
  DROPPED: "bg-slate-50 text-slate-500 ring-slate-300 line-through",
};

const badge = "inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset";

export function ActionStatusBadge({ status }: { status: ActionStatus }) {
  return <span className={clsx(badge, STYLE[status])}>{STATUS_LABEL[status]}</span>;
}

export function OverdueBadge() {
  return <span className={clsx(badge, "bg-red-50 font-semibold text-red-800 ring-red-600/40")}>Overdue</span>;
}

// An action's by-when date, marked in words when it has passed unfinished.
export function ActionDue({ dueDate, overdue }: { dueDate: Date | string | null; overdue: boolean }) {
  return (
    <>
      <span className={clsx(overdue && "font-medium text-red-800")}>{date(dueDate)}</span>
      {overdue ? (
        <span className="ml-2">
          <OverdueBadge />
        </span>
      ) : null}
    </>
  );
}

// Which organisation an owner speaks for: the workspace's own, or the partner's.
export const sideName = (side: "HOST" | "PARTNER", names: { host: string; partner: string }) =>
  side === "HOST" ? names.host : names.partner;
