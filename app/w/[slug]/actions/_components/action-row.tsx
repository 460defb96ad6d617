import clsx from "clsx";
import Link from "next/link";
import type { ReactNode } from "react";
import { ActionDue, ActionStatusBadge, type ActionStatus } from "./action-badges";

interface RowAction {
  title: string;
  dueDate: Date | string | null;
  overdue: boolean;
  status: ActionStatus;
  pillarName: string | null;
}

// One row of an action list: its title linking to the action, the column the list is about (the
// partnership in My actions, the owner on a partnership's list), then by-when, status and pillar.
export function ActionRow({ href, action: a, children }: { href: string; action: RowAction; children: ReactNode }) {
  return (
    <tr className={clsx("align-top", a.overdue && "bg-red-50/50")}>
      <td>
        <Link href={href} className="font-medium text-brand-700 hover:underline">
          {a.title}
        </Link>
      </td>
      <td>{children}</td>
      <td className="whitespace-nowrap">
        <ActionDue dueDate={a.dueDate} overdue={a.overdue} />
      </td>
      <td>
        <ActionStatusBadge status={a.status} />
      </td>
      <td>{a.pillarName ?? "–"}</td>
    </tr>
  );
}
