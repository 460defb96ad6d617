"use client";
import clsx from "clsx";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { PendingMark } from "../../../../_components/pending-mark";

export interface Tab {
  href: string;
  label: string;
  // The scorecard's path is a prefix of every other tab's, so it matches only exactly.
  exact?: boolean;
}

export function PartnershipTabs({ tabs }: { tabs: Tab[] }) {
  const pathname = usePathname();
  // The print page is a document of its own.
  if (pathname.endsWith("/print")) return null;
  return (
    <nav aria-label="Partnership" className="mb-6 border-b border-slate-200 print:hidden">
      <ul className="-mb-px flex flex-wrap gap-4">
        {tabs.map((t) => {
          const active = t.exact ? pathname === t.href : pathname === t.href || pathname.startsWith(`${t.href}/`);
          return (
            <li key={t.href}>
              <Link
                href={t.href}
                aria-current={active ? "page" : undefined}
                className={clsx(
                  "inline-block border-b-2 px-1 pb-2 text-sm font-medium",
                  active
                    ? "border-brand-600 text-brand-700"
                    : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
                )}
              >
                {t.label}
                <PendingMark />
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
