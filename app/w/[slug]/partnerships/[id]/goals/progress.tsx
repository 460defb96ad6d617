import clsx from "clsx";

export const GOAL_STATUS_LABEL = { ACTIVE: "Active", ACHIEVED: "Achieved", MISSED: "Missed", DROPPED: "Dropped" } as const;
export type GoalStatus = keyof typeof GOAL_STATUS_LABEL;

// Progress as a bar with the measure and the computed share in text beside it ("$1.2M of $2.0M,
// 60%"); the bar itself is decoration, and a marker shows where the goal should be by now.
export function ProgressBar({
  progress,
  valueText,
  expected,
  label,
}: {
  progress: number | null;
  valueText: string | null;
  expected: number;
  label: string;
}) {
  return (
    <div className="flex items-center gap-3">
      <div className="relative h-2.5 w-full max-w-xs overflow-hidden rounded-full bg-slate-200" aria-hidden="true">
        <div className="h-full rounded-full bg-brand-600" style={{ width: `${progress ?? 0}%` }} />
        <div className="absolute inset-y-0 w-0.5 bg-slate-700" style={{ left: `${expected}%` }} />
      </div>
      <span className="whitespace-nowrap text-sm tabular-nums text-slate-900">
        <span className="sr-only">{label}: </span>
        {progress === null ? "No check-in yet" : `${valueText}, ${progress}%`}
        <span className="text-xs text-slate-500"> ({expected}% expected by now)</span>
      </span>
    </div>
  );
}

export function BehindBadge({ reason }: { reason: string }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-1 rounded-md bg-amber-50 px-2 py-0.5 text-xs text-amber-900 ring-1 ring-inset ring-amber-600/30">
      <span className="font-semibold">Behind schedule:</span> {reason}
    </span>
  );
}

export function GoalStatusBadge({ status }: { status: GoalStatus }) {
  const style = {
    ACTIVE: "bg-brand-50 text-brand-800 ring-brand-600/30",
    ACHIEVED: "bg-green-50 text-green-800 ring-green-600/30",
    MISSED: "bg-red-50 text-red-800 ring-red-600/30",
    DROPPED: "bg-slate-50 text-slate-500 ring-slate-300",
  }[status];
  return (
    <span className={clsx("inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset", style)}>
      {GOAL_STATUS_LABEL[status]}
    </span>
  );
}
