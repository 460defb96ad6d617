// The audit log's CSV download, for the filters in the link (the page's own). Access is the log's:
// each batch goes through the audit.export procedure, whose ladder lets only owners and admins
// through, and whose first batch records the download in the log itself.
import { type NextRequest } from "next/server";
import { auditCsvHeader, auditCsvRows } from "~/server/services/accounts/audit-csv";
import { serverApi } from "~/server/trpc/server";
import { refusal } from "../../../../../_lib/download";
import { auditSearch } from "../search";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const search = auditSearch(Object.fromEntries(request.nextUrl.searchParams));
  const api = await serverApi();
  const batch = (after?: string) => api.audit.export({ workspaceSlug: slug, ...search.filters, after });

  // The first batch before answering, so a refusal is a proper status rather than a broken file.
  let first;
  try {
    first = await batch();
  } catch (error) {
    return refusal(request, error);
  }
  const encoder = new TextEncoder();
  let next = first.next;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      // The byte-order mark makes spreadsheet programs read the file as UTF-8.
      controller.enqueue(encoder.encode("\uFEFF" + auditCsvHeader() + auditCsvRows(first.events)));
      if (next === null) controller.close();
    },
    async pull(controller) {
      if (next === null) return;
      const more = await batch(next);
      controller.enqueue(encoder.encode(auditCsvRows(more.events)));
      next = more.next;
      if (next === null) controller.close();
    },
  });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${slug}-audit-log-${day}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
