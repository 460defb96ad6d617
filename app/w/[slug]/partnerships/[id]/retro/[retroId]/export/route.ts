// A closed retro's summary as a file: Markdown (default) or CSV. Access is the retro's own: the
// summary comes through the retro.summary procedure, which applies the partnership's rule, answers
// another partnership's retro under this one's address as a missing one, and records the download
// in the audit log.
import { type NextRequest } from "next/server";
import { summaryCsv, summaryMarkdown } from "~/server/services/retro/summary";
import { serverApi } from "~/server/trpc/server";
import { fileSafe, refusal } from "../../../../../../../_lib/download";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest, { params }: { params: Promise<{ slug: string; id: string; retroId: string }> }) {
  const { slug, id, retroId } = await params;
  const csv = request.nextUrl.searchParams.get("format") === "csv";
  let found;
  try {
    found = await (await serverApi()).retro.summary({ workspaceSlug: slug, retroId, partnershipId: id, format: csv ? "csv" : "markdown" });
  } catch (error) {
    return refusal(request, error);
  }
  const { summary } = found;
  const name = `retro-${fileSafe(summary.partnershipName, "retro")}-${fileSafe(summary.cycleLabel, "retro")}`;
  return new Response(csv ? "\uFEFF" + summaryCsv(summary) : summaryMarkdown(summary), {
    headers: {
      "Content-Type": csv ? "text/csv; charset=utf-8" : "text/markdown; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}.${csv ? "csv" : "md"}"`,
      "Cache-Control": "no-store",
    },
  });
}
