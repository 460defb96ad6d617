import clsx from "clsx";
import type { ReactNode } from "react";
import { ScrollRegion } from "./scroll-region";

export interface Column {
  label: string;
  align?: "left" | "right";
  // Named for screen readers only (an actions column, say).
  visuallyHidden?: boolean;
}

// A data table: a screen-reader caption, a header row from `columns`, and `children` as body
// rows. Cells get their padding here, so pages write only what is particular to a cell.
export function Table({
  caption,
  columns,
  children,
  bleed = true,
}: {
  caption: string;
  columns: Column[];
  children: ReactNode;
  bleed?: boolean;
}) {
  const edge = bleed ? "first:pl-5 last:pr-5" : "first:pl-0 last:pr-0";
  return (
    <ScrollRegion label={caption} className={clsx(bleed && "-mx-5")}>
      <table className="min-w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-200">
            {columns.map((c) => (
              <th
                key={c.label}
                scope="col"
                className={clsx(
                  "px-3 py-2 text-xs font-medium uppercase tracking-wide text-slate-500",
                  edge,
                  c.align === "right" ? "text-right" : "text-left",
                )}
              >
                {c.visuallyHidden ? <span className="sr-only">{c.label}</span> : c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody
          className={clsx(
            "divide-y divide-slate-100 text-slate-600 [&_td]:px-3 [&_td]:py-3 [&_th]:px-3 [&_th]:py-3 [&_th]:text-left",
            bleed
              ? "[&_td:first-child]:pl-5 [&_td:last-child]:pr-5 [&_th:first-child]:pl-5"
              : "[&_td:first-child]:pl-0 [&_td:last-child]:pr-0 [&_th:first-child]:pl-0",
          )}
        >
          {children}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
