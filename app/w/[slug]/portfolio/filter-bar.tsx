"use client";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useRef, useState, useSyncExternalStore, type FormEvent, type KeyboardEvent } from "react";
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
  // The choices on screen; a new address (Back, a band link, Clear) brings its own.
  const shown = JSON.stringify(valuesOf(fields));
  const [state, setState] = useState({ shown, values: valuesOf(fields) });
  if (state.shown !== shown) setState({ shown, values: valuesOf(fields) });
  const firstSelect = useRef<HTMLSelectElement>(null);

  const go = (values: Record<string, string>) => {
    const q = new URLSearchParams();
    for (const [key, value] of [...Object.entries(keep), ...Object.entries(values)]) if (value !== "") q.set(key, value);
    const s = q.toString();
    router.replace(s ? `${pathname}?${s}` : pathname, { scroll: false });
  };
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    go(state.values);
  };
  // A select does not submit its form on Enter by itself.
  const enterApplies = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === "Enter" && e.target instanceof HTMLSelectElement) {
      e.preventDefault();
      e.currentTarget.requestSubmit();
    }
  };
  const clear = () => {
    const none = Object.fromEntries(fields.map((f) => [f.name, ""]));
    setState((s) => ({ ...s, values: none }));
    go(none);
    // The Clear button goes away with the filters: focus the first filter rather than lose it.
    firstSelect.current?.focus();
  };

  return (
    <form method="get" role="search" aria-label="Filter the portfolio" onSubmit={submit} onKeyDown={enterApplies}>
      {Object.entries(keep).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="grid grid-cols-2 items-end gap-3 sm:grid-cols-3 lg:grid-cols-6">
        {fields.map((f, i) => (
          <div key={f.name}>
            <label htmlFor={`filter-${f.name}`} className="block text-xs font-medium text-slate-600">
              {f.label}
            </label>
            <select
              id={`filter-${f.name}`}
              ref={i === 0 ? firstSelect : undefined}
              name={f.name}
              value={state.values[f.name] ?? ""}
              onChange={(e) => {
                const value = e.target.value;
                setState((s) => ({ ...s, values: { ...s.values, [f.name]: value } }));
              }}
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
