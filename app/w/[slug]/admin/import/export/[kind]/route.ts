// The partner organisations, partnerships or people as CSV, in the columns the import reads: a
// downloaded file, edited or not, imports back. Access is the import.export procedure's (admins).
import { type NextRequest } from "next/server";
import { csvLines } from "~/server/services/csv/write";
import type { ImportKind } from "~/server/services/import/kinds";
import { serverApi } from "~/server/trpc/server";
import { refusal, refused } from "../../../../../../_lib/download";

export const dynamic = "force-dynamic";

// The address's word for each kind, which is also the file's name.
const EXPORT_PATHS: Record<string, ImportKind> = {
  "partner-organisations": "partnerOrgs",
  partnerships: "partnerships",
  people: "people",
};

export async function GET(request: NextRequest, { params }: { params: Promise<{ slug: string; kind: string }> }) {
  const { slug, kind: path } = await params;
  const kind = EXPORT_PATHS[path];
  if (!kind) return refused(404);
  let table;
  try {
    table = await (await serverApi()).import.export({ workspaceSlug: slug, kind });
  } catch (error) {
    return refusal(request, error);
  }
  const day = new Date().toISOString().slice(0, 10);
  // The byte-order mark makes spreadsheet programs read the file as UTF-8.
  return new Response("\uFEFF" + csvLines([table.headers, ...table.rows]), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${slug}-${path}-${day}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
