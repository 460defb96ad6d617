// A searchable list's search box and filters: a plain GET form, so the filtered list has its own
// address (to share, to reload, to go back to) and works without JavaScript. Nothing applies while
// someone types or moves through a select with the arrow keys: Enter or Apply submits the form, and
// next/form then navigates without a full reload. Submitting starts again at the first page.
import Form from "next/form";
import Link from "next/link";
import { Button } from "./button";

const control =
  "block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-brand-600";
const labelClass = "block text-sm font-medium text-slate-800";

export interface ListFilter {
  name: string;
  label: string;
  value: string;
  // The first option is "all", with an empty value.
  all: string;
  options: { value: string; label: string }[];
}

export function ListFilters({
  action,
  label,
  search,
  filters,
  keep = {},
  filtered,
}: {
  action: string;
  label: string;
  search: { label: string; value: string; placeholder: string };
  filters: ListFilter[];
  // Choices that are not filters (page size, sort) carried to the next address.
  keep?: Record<string, string>;
  filtered: boolean;
}) {
  // A new address (Back, a link) shows its own values: the form starts again from them.
  const shown = JSON.stringify([search.value, ...filters.map((f) => f.value)]);
  return (
    <Form key={shown} action={action} role="search" aria-label={label} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-6">
      {Object.entries(keep).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="space-y-1 sm:col-span-2">
        <label htmlFor="list-q" className={labelClass}>
          {search.label}
        </label>
        <input
          id="list-q"
          name="q"
          type="search"
          maxLength={120}
          defaultValue={search.value}
          placeholder={search.placeholder}
          className={control}
        />
      </div>
      {filters.map((f) => (
        <div key={f.name} className="space-y-1">
          <label htmlFor={`list-${f.name}`} className={labelClass}>
            {f.label}
          </label>
          <select id={`list-${f.name}`} name={f.name} defaultValue={f.value} className={control}>
            <option value="">{f.all}</option>
            {f.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      ))}
      <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-6">
        <Button type="submit">Apply</Button>
        {filtered ? (
          <Button asChild variant="ghost">
            <Link href={action}>Clear filters</Link>
          </Button>
        ) : null}
      </div>
    </Form>
  );
}
