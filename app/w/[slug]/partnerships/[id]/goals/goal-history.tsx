import { date } from "../../../../../_lib/format";

const FIELD_LABEL = {
  title: "Goal",
  measure: "Measure",
  unit: "Unit",
  startValue: "Start value",
  targetValue: "Target",
  startDate: "Start date",
  dueDate: "Due date",
  status: "Status",
} as const;

interface Revision {
  version: number;
  at: Date;
  by: string;
  changes: { field: string; from: string; to: string }[];
}

// A goal's history of edits, newest first: who changed which field from what to what, and when.
export function GoalHistory({ revisions, hostName, partnerName }: { revisions: Revision[]; hostName: string; partnerName: string }) {
  if (revisions.length === 0) return null;
  const label = (field: string) =>
    field === "hostOwner"
      ? `Owner at ${hostName}`
      : field === "partnerOwner"
        ? `Owner at ${partnerName}`
        : (FIELD_LABEL[field as keyof typeof FIELD_LABEL] ?? field);
  return (
    <details className="mt-4 text-sm">
      <summary className="cursor-pointer font-medium text-slate-700">
        History ({revisions.length} {revisions.length === 1 ? "change" : "changes"})
      </summary>
      <ol className="mt-2 space-y-2 text-slate-600">
        {revisions.map((r) => (
          <li key={r.version}>
            <span className="font-medium text-slate-800">
              {date(r.at)}, {r.by}:
            </span>
            <ul className="ml-4 list-disc">
              {r.changes.map((c) => (
                <li key={c.field}>
                  {label(c.field)}: {c.from} → {c.to}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </details>
  );
}
