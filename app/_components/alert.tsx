import clsx from "clsx";
import type { ReactNode } from "react";

const TONES = {
  error: "bg-red-50 text-red-800 ring-red-200",
  success: "bg-green-50 text-green-800 ring-green-200",
  info: "bg-brand-50 text-brand-900 ring-brand-100",
  warning: "bg-amber-50 text-amber-900 ring-amber-200",
} as const;

// Errors are announced to screen readers as they appear; other notes are polite.
export function Alert({ tone = "info", children, className }: { tone?: keyof typeof TONES; children: ReactNode; className?: string }) {
  if (!children) return null;
  return (
    <div role={tone === "error" ? "alert" : "status"} className={clsx("rounded-md px-3 py-2 text-sm ring-1", TONES[tone], className)}>
      {children}
    </div>
  );
}
