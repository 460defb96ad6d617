import clsx from "clsx";

const STYLE = {
  DRAFT: "bg-slate-100 text-slate-700 ring-slate-500/20",
  OPEN: "bg-green-50 text-green-800 ring-green-600/30",
  CLOSED: "bg-slate-800 text-white ring-slate-800",
} as const;
const LABEL = { DRAFT: "Draft", OPEN: "Open", CLOSED: "Closed" } as const;

export function StatusBadge({ status }: { status: keyof typeof STYLE }) {
  return (
    <span className={clsx("inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset", STYLE[status])}>
      {LABEL[status]}
    </span>
  );
}
