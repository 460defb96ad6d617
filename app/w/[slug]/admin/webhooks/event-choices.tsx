"use client";

export interface EventChoice {
  type: string;
  label: string;
  description: string;
}

// The events an endpoint receives, as checkboxes with what each one means.
export function EventChoices({
  events,
  chosen,
  onChange,
  error = null,
}: {
  events: EventChoice[];
  chosen: string[];
  onChange: (next: string[]) => void;
  // Why the choice was refused ("Choose at least one event…"), shown under the legend.
  error?: string | null;
}) {
  const toggle = (type: string, on: boolean) => onChange(on ? [...chosen, type] : chosen.filter((t) => t !== type));
  return (
    <fieldset>
      <legend className="text-sm font-medium text-slate-800">Events</legend>
      <p className="text-xs text-slate-600">Only the events you tick are sent to this endpoint.</p>
      {error ? (
        <p id="events-error" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <div className="mt-2 grid gap-2 sm:grid-cols-2">
        {events.map((e, i) => (
          <label
            key={e.type}
            className="flex cursor-pointer gap-3 rounded-md p-3 ring-1 ring-inset ring-slate-200 hover:bg-slate-50 has-[:checked]:bg-brand-50 has-[:checked]:ring-brand-600"
          >
            <input
              type="checkbox"
              name="events"
              value={e.type}
              checked={chosen.includes(e.type)}
              onChange={(ev) => toggle(e.type, ev.target.checked)}
              className="mt-0.5 h-4 w-4 accent-brand-600"
              aria-describedby={[error ? "events-error" : "", `event-${e.type}-description`].filter(Boolean).join(" ")}
              // The first box takes focus when the choice is refused (the form's errors look for it).
              data-invalid={error && i === 0 ? "true" : undefined}
            />
            <span>
              <span className="block text-sm font-medium text-slate-900">
                {e.label} <code className="ml-1 text-xs font-normal text-slate-500">{e.type}</code>
              </span>
              <span id={`event-${e.type}-description`} className="block text-xs text-slate-600">
                {e.description}
              </span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
