"use client";
import clsx from "clsx";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { PendingMark } from "../../_components/pending-mark";
import type { NavItem } from "./nav-items";

export function Nav({ main, admin }: { main: NavItem[]; admin: NavItem[] }) {
  const pathname = usePathname();
  const item = (i: NavItem) => {
    const active = pathname === i.href || pathname.startsWith(`${i.href}/`);
    return (
      <li key={i.href}>
        <Link
          href={i.href}
          aria-current={active ? "page" : undefined}
          className={clsx(
            "block rounded-md px-3 py-2 text-sm font-medium",
            active ? "bg-brand-50 text-brand-700" : "text-slate-700 hover:bg-slate-100",
          )}
        >
          {i.label}
          <PendingMark />
        </Link>
      </li>
    );
  };
  return (
    <nav aria-label="Workspace" className="flex flex-col gap-4 md:gap-6">
      <ul className="flex flex-wrap gap-1 md:flex-col">{main.map(item)}</ul>
      {admin.length ? (
        <div>
          <p className="px-3 pb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Workspace setup</p>
          <ul className="flex flex-wrap gap-1 md:flex-col">{admin.map(item)}</ul>
        </div>
      ) : null}
    </nav>
  );
}
