"use client";
// The value of what was delivered, 1 to 5, as a radio group: each choice says its number and
// its meaning, and the group is reachable and changeable with the keyboard.
const MEANING = ["", "Little value", "Some value", "Useful", "Very useful", "Exceptional"];

export function RatingField({
  name,
  value,
  onChange,
  error,
}: {
  name: string;
  value: number | null;
  onChange: (rating: number) => void;
  error: string | null;
}) {
  const errorId = `${name}-error`;
  return (
    <fieldset aria-describedby={error ? errorId : undefined}>
      <legend className="text-sm font-medium text-slate-800">Value received (1-5)</legend>
      <div className="mt-1 flex flex-wrap gap-2">
        {[1, 2, 3, 4, 5].map((n) => (
          <label
            key={n}
            className="flex cursor-pointer items-center gap-1.5 rounded-md px-2 py-1 text-sm ring-1 ring-slate-300 has-[:checked]:bg-brand-50 has-[:checked]:ring-brand-600"
          >
            <input
              type="radio"
              name={name}
              value={n}
              checked={value === n}
              data-invalid={error ? true : undefined}
              onChange={() => onChange(n)}
              className="h-4 w-4 accent-brand-600"
            />
            {n} · {MEANING[n]}
          </label>
        ))}
      </div>
      {error ? (
        <p id={errorId} className="mt-1 text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
