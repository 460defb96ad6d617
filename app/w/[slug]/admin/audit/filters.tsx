// The audit log's filters: a plain GET form, so the filtered log has its own address (to share, to
// go back to) and works without JavaScript; next/form navigates without a full reload.
import Form from "next/form";
import Link from "next/link";
import { Button } from "../../../../_components/button";
import type { AuditFiltersInUrl } from "./search";

const control =
  "block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-brand-600";
const labelClass = "block text-sm font-medium text-slate-800";

export interface PersonOption {
  memberId: string;
  name: string;
  email: string;
  former: boolean;
}

export function AuditFilters({
  action,
  filters,
  groups,
  people,
}: {
  action: string;
  filters: AuditFiltersInUrl;
  groups: { label: string; options: { value: string; label: string }[] }[];
  people: PersonOption[];
}) {
  const current = people.filter((p) => !p.former);
  const former = people.filter((p) => p.former);
  const person = (p: PersonOption) => (
    <option key={p.memberId} value={p.memberId}>
      {p.name} ({p.email})
    </option>
  );
  return (
    <Form action={action} aria-label="Filter the audit log" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-6">
      <div className="space-y-1 lg:col-span-2">
        <label htmlFor="audit-action" className={labelClass}>
          Event
        </label>
        <select id="audit-action" name="action" defaultValue={filters.action ?? ""} className={control}>
          <option value="">All events</option>
          {groups.map((g) => (
            <optgroup key={g.label} label={g.label}>
              {g.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <div className="space-y-1 lg:col-span-2">
        <label htmlFor="audit-person" className={labelClass}>
          Person
        </label>
        <select id="audit-person" name="person" defaultValue={filters.memberId ?? ""} className={control}>
          <option value="">Everyone</option>
          <optgroup label="Members">{current.map(person)}</optgroup>
          {former.length ? <optgroup label="Former members">{former.map(person)}</optgroup> : null}
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor="audit-from" className={labelClass}>
          From
        </label>
        <input
          id="audit-from"
          name="from"
          type="date"
          defaultValue={filters.from ?? ""}
          className={control}
          aria-describedby="audit-days"
        />
      </div>
      <div className="space-y-1">
        <label htmlFor="audit-to" className={labelClass}>
          To
        </label>
        <input id="audit-to" name="to" type="date" defaultValue={filters.to ?? ""} className={control} aria-describedby="audit-days" />
      </div>
      <div className="space-y-1 sm:col-span-2 lg:col-span-4">
        <label htmlFor="audit-text" className={labelClass}>
          Contains
        </label>
        <input
          id="audit-text"
          name="q"
          type="search"
          maxLength={200}
          defaultValue={filters.text ?? ""}
          placeholder="A name, an email, an address, a setting…"
          className={control}
        />
      </div>
      <div className="flex items-end gap-2 sm:col-span-2">
        <Button type="submit">Apply filters</Button>
        <Button asChild variant="ghost">
          <Link href={action}>Clear</Link>
        </Button>
      </div>
      <p id="audit-days" className="text-xs text-slate-500 sm:col-span-2 lg:col-span-6">
        Days run from midnight to midnight UTC, both days included; times below are in UTC.
      </p>
    </Form>
  );
}
