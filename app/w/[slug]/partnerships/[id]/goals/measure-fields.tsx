"use client";
// The fields of a goal's measure, shared by the new-goal and edit forms: what is measured, its
// unit, and the start and target values (a target below the start means lower is better).
import { TextField } from "../../../../../_components/field";

export const MEASURE_FIELDS = ["measure", "unit", "startValue", "targetValue"] as const;
type MeasureField = (typeof MEASURE_FIELDS)[number];

interface Props {
  error: (field: MeasureField) => string | null;
  initial?: { measure: string; unit: string; startValue: number; targetValue: number };
}

export function MeasureFields({ error, initial }: Props) {
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr]">
      <TextField
        label="Measure"
        name="measure"
        required
        maxLength={300}
        placeholder="Joint pipeline"
        defaultValue={initial?.measure}
        error={error("measure")}
      />
      <TextField
        label="Unit"
        name="unit"
        maxLength={20}
        placeholder="$, deals, %"
        hint="Leave empty for a plain count."
        defaultValue={initial?.unit}
        error={error("unit")}
      />
      <TextField
        label="Start value"
        name="startValue"
        inputMode="decimal"
        placeholder="0"
        defaultValue={initial?.startValue}
        error={error("startValue")}
      />
      <TextField
        label="Target"
        name="targetValue"
        inputMode="decimal"
        required
        placeholder="2000000"
        hint="Below the start value when lower is better."
        defaultValue={initial?.targetValue}
        error={error("targetValue")}
      />
    </div>
  );
}
