"use client";
import * as RadioGroup from "@radix-ui/react-radio-group";
import clsx from "clsx";

export const DONT_KNOW = "dont-know";

const OPTIONS = [
  { value: "1", label: "Strongly disagree" },
  { value: "2", label: "Disagree" },
  { value: "3", label: "Neither agree nor disagree" },
  { value: "4", label: "Agree" },
  { value: "5", label: "Strongly agree" },
  { value: DONT_KNOW, label: "Don't know" },
];

// Answers are numbers (null for "Don't know") everywhere but in the radio group's own values.
export const toRadio = (value: number | null | undefined) => (value === undefined ? "" : value === null ? DONT_KNOW : String(value));
export const fromRadio = (value: string) => (value === DONT_KNOW ? null : Number(value));
export const answerLabel = (value: number | null) => OPTIONS.find((o) => o.value === toRadio(value))?.label ?? String(value);

interface Props {
  id: string;
  text: string;
  value: string;
  invalid: boolean;
  disabled: boolean;
  onChange: (value: string) => void;
}

// One statement as a radio group: arrow keys move between options, Tab moves between statements.
// On a phone the scale is one column in its own order (never two columns, which put "Strongly
// agree" beside "Don't know"), so the arrow keys go both ways: up and down as on screen there,
// left and right as on a wide screen.
export function StatementQuestion({ id, text, value, invalid, disabled, onChange }: Props) {
  const labelId = `statement-label-${id}`;
  return (
    <li>
      <p id={labelId} className="text-sm font-medium text-slate-900">
        {text}
      </p>
      <RadioGroup.Root
        id={`statement-${id}`}
        aria-labelledby={labelId}
        aria-invalid={invalid || undefined}
        aria-required
        value={value}
        onValueChange={onChange}
        disabled={disabled}
        className={clsx("mt-2 grid grid-cols-1 gap-2 sm:grid-cols-6", invalid && "rounded-md ring-2 ring-red-400 ring-offset-2")}
      >
        {OPTIONS.map((o) => (
          <label
            key={o.value}
            className={clsx(
              "flex cursor-pointer items-center gap-2 rounded-md px-2 py-2 text-xs ring-1 ring-inset sm:flex-col sm:text-center",
              value === o.value ? "bg-brand-50 text-brand-900 ring-brand-600" : "text-slate-700 ring-slate-200 hover:bg-slate-50",
              o.value === DONT_KNOW && "sm:border-l sm:border-dashed",
            )}
          >
            <RadioGroup.Item
              value={o.value}
              aria-label={o.label}
              className="flex h-4 w-4 shrink-0 items-center justify-center rounded-full border border-slate-400 bg-white data-[state=checked]:border-brand-600"
            >
              <RadioGroup.Indicator className="h-2 w-2 rounded-full bg-brand-600" />
            </RadioGroup.Item>
            <span aria-hidden>{o.label}</span>
          </label>
        ))}
      </RadioGroup.Root>
      {invalid ? <p className="mt-1 text-xs text-red-700">Please choose an answer.</p> : null}
    </li>
  );
}
