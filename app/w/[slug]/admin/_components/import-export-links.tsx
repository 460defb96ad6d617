import Link from "next/link";
import { Button } from "../../../../_components/button";

// Beside a list admins keep: bring rows in from a file, or take the list out as CSV in the columns
// the import reads, so a downloaded file imports back (app/w/[slug]/admin/import).
export function ImportExportLinks({
  slug,
  kind,
  what,
}: {
  slug: string;
  kind: "partner-organisations" | "partnerships" | "people";
  what: string;
}) {
  return (
    <>
      <Button asChild variant="secondary">
        <Link href={`/w/${slug}/admin/import`}>Import</Link>
      </Button>
      <Button asChild variant="secondary">
        <a href={`/w/${slug}/admin/import/export/${kind}`} download>
          Export CSV<span className="sr-only"> of the {what}</span>
        </a>
      </Button>
    </>
  );
}
