import clsx from "clsx";
import { BAND_BADGE, BAND_LABEL, type Band } from "../_lib/format";

export function BandBadge({ band, className }: { band: Band | null; className?: string }) {
  if (!band)
    return (
      <span className={clsx("inline-flex rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-600", className)}>
        No score yet
      </span>
    );
  return (
    <span className={clsx("inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset", BAND_BADGE[band], className)}>
      {BAND_LABEL[band]}
    </span>
  );
}
