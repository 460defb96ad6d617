"use client";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useSyncExternalStore, type FormEvent } from "react";

const noSubscription = () => () => {};

export interface FilterField {
  name: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
}

// A plain GET form, so filtering works before (or without) JavaScript; once hydrated, a change
// applies at once and replaces the URL instead of adding a history entry per choice.
export function FilterBar({ fields, keep, clearHref }: { fields: FilterField[]; keep: Record<string, string>; clearHref: string | null }) {
  const router = useRouter();
  const pathname = usePathname();
  // False in the server's HTML, true once React runs in the browser.
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );

  const apply = (form: HTMLFormElement) => {
    const q = new URLSearchParams();
    for (const [key, value] of new FormData(form)) if (typeof value === "string" && value !== "") q.set(key, value);
    const s = q.toString();
    router.replace(s ? `${pathname}?${s}` : pathname, { scroll: false });
  };
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    apply(e.currentTarget);
  };

  return (
    <form method="get" role="search" aria-label="Filter the portfolio" onSubmit={submit} onChange={(e) => apply(e.currentTarget)}>
      {Object.entries(keep).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="grid grid-cols-2 items-end gap-3 sm:grid-cols-3 lg:grid-cols-6">
        {fields.map((f) => (
          <div key={f.name}>
            <label htmlFor={`filter-${f.name}`} className="block text-xs font-medium text-slate-600">
              {f.label}
            </label>
            <select
              id={`filter-${f.name}`}
              name={f.name}
              defaultValue={f.value}
              key={f.value}
              className="mt-1 block w-full rounded-md border-0 bg-white py-1.5 pl-2 pr-8 text-sm text-slate-900 ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-600"
            >
              <option value="">All</option>
              {f.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
      <div className="mt-3 flex items-center gap-4 empty:hidden">
        {hydrated ? null : (
          <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white shadow-sm hover:bg-brand-700">
            Apply
          </button>
        )}
        {clearHref ? (
          <Link href={clearHref} className="py-1.5 text-sm font-medium text-brand-700 hover:underline">
            Clear filters
          </Link>
        ) : null}
      </div>
    </form>
  );
}
