// A partnership's whole history as CSV (see services/lifecycle/history.ts). Access is the
// lifecycle's own, through the lifecycle.history procedure: host roles who may read the
// partnership's work; partner contacts get 404.
import { type NextRequest } from "next/server";
import { historyCsv } from "~/server/services/lifecycle/history";
import { serverApi } from "~/server/trpc/server";
import { fileSafe, refusal } from "../../../../../../_lib/download";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest, { params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  let history;
  try {
    history = await (await serverApi()).lifecycle.history({ workspaceSlug: slug, partnershipId: id });
  } catch (error) {
    return refusal(request, error);
  }
  // The byte-order mark makes spreadsheet programs read the file as UTF-8.
  const body = "\uFEFF" + historyCsv(history);
  const day = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileSafe(history.partnership.name, "partnership").toLowerCase()}-history-${day}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
