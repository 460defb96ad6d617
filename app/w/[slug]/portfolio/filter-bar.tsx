"use client";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useRef, useSyncExternalStore, type FormEvent, type KeyboardEvent } from "react";
import { Button } from "../../../_components/button";

const noSubscription = () => () => {};

export interface FilterField {
  name: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
}

const valuesOf = (fields: FilterField[]) => Object.fromEntries(fields.map((f) => [f.name, f.value]));

// A plain GET form, so filtering works before (or without) JavaScript. Nothing applies while
// someone moves through a select with the arrow keys (each key would otherwise reload the page
// under them): Apply, or Enter in a select, applies the choices and replaces the URL. The selects
// stay the same elements across that navigation, so focus stays where it was.
export function FilterBar({
  fields,
  keep,
  clearHref,
  result,
}: {
  fields: FilterField[];
  keep: Record<string, string>;
  clearHref: string | null;
  // What the filters found ("12 partnerships"), announced after each change.
  result: string;
}) {
  const router = useRouter();
  const pathname = usePathname();
  // False in the server's HTML, true once React runs in the browser.
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  // The selects are uncontrolled: a choice made before React runs (a slow first load) is kept by
  // the browser, where a controlled select would be reset to the server's value as React takes
  // over. A new address (Back, a band link, Clear) brings its own choices into the same elements.
  const shown = JSON.stringify(valuesOf(fields));
  const selects = useRef(new Map<string, HTMLSelectElement>());
  useEffect(() => {
    const values = JSON.parse(shown) as Record<string, string>;
    for (const [name, select] of selects.current) if (select.value !== (values[name] ?? "")) select.value = values[name] ?? "";
  }, [shown]);

  const go = (values: Record<string, string>) => {
    const q = new URLSearchParams();
    for (const [key, value] of [...Object.entries(keep), ...Object.entries(values)]) if (value !== "") q.set(key, value);
    const s = q.toString();
    router.replace(s ? `${pathname}?${s}` : pathname, { scroll: false });
  };
  const chosen = () => Object.fromEntries(fields.map((f) => [f.name, selects.current.get(f.name)?.value ?? ""]));
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    go(chosen());
  };
  // A select does not submit its form on Enter by itself.
  const enterApplies = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === "Enter" && e.target instanceof HTMLSelectElement) {
      e.preventDefault();
      e.currentTarget.requestSubmit();
    }
  };
  const clear = () => {
    for (const select of selects.current.values()) select.value = "";
    go(chosen());
    // The Clear button goes away with the filters: focus the first filter rather than lose it.
    selects.current.get(fields[0]!.name)?.focus();
  };

  return (
    <form method="get" role="search" aria-label="Filter the portfolio" onSubmit={submit} onKeyDown={enterApplies}>
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
              ref={(el) => {
                if (el) selects.current.set(f.name, el);
                else selects.current.delete(f.name);
              }}
              name={f.name}
              defaultValue={f.value}
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
      <div className="mt-3 flex flex-wrap items-center gap-4">
        <Button type="submit" size="sm">
          Apply
        </Button>
        {clearHref ? (
          hydrated ? (
            <Button variant="ghost" size="sm" onClick={clear}>
              Clear filters
            </Button>
          ) : (
            <Link href={clearHref} className="py-1.5 text-sm font-medium text-brand-700 hover:underline">
              Clear filters
            </Link>
          )
        ) : null}
        <p role="status" className="text-sm text-slate-600" data-testid="filter-result">
          {result}
        </p>
      </div>
    </form>
  );
}
