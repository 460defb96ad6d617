// The portfolio's CSV download, for the filter in the link. Access is the portfolio's own: each
// batch goes through the portfolio.export procedure, whose ladder signs in, resolves the
// workspace and refuses partner contacts.
import { type NextRequest } from "next/server";
import { csvHeader, csvRows } from "~/server/services/portfolio/csv";
import { serverApi } from "~/server/trpc/server";
import { refusal } from "../../../../_lib/download";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const q = request.nextUrl.searchParams;
  const filters = Object.fromEntries(
    ["tier", "phase", "owner", "region", "industry", "band"].flatMap((k) => (q.get(k) ? [[k, q.get(k)!]] : [])),
  );
  const api = await serverApi();
  const batch = (after?: string) => api.portfolio.export({ workspaceSlug: slug, ...filters, after });

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
      controller.enqueue(encoder.encode("\uFEFF" + csvHeader() + csvRows(first)));
      if (next === null) controller.close();
    },
    async pull(controller) {
      if (next === null) return;
      const more = await batch(next);
      controller.enqueue(encoder.encode(csvRows(more)));
      next = more.next;
      if (next === null) controller.close();
    },
  });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${slug}-scores-${day}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
