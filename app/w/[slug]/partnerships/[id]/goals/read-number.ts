// A number as typed in a text field: "1,200,000" reads as 1200000, an empty field as NaN (so
// the server's sentence for a missing number shows beside it), and `fallback` when the field
// may be left empty.
export function readNumber(form: FormData, name: string, fallback?: number): number {
  const raw = String(form.get(name) ?? "")
    .trim()
    .replaceAll(",", "");
  if (raw === "") return fallback ?? Number.NaN;
  return Number(raw);
}
