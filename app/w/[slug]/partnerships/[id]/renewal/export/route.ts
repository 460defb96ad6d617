// A partnership's whole history as CSV (see services/lifecycle/history.ts). Access is the
// lifecycle's own, through the lifecycle.history procedure: host roles who may read the
// partnership's work; partner contacts get 404.
import { TRPCError } from "@trpc/server";
import { NextResponse, type NextRequest } from "next/server";
import { historyCsv } from "~/server/services/lifecycle/history";
import { serverApi } from "~/server/trpc/server";

export const dynamic = "force-dynamic";

// Letters, digits and hyphens only, for the file name.
const fileName = (name: string) =>
  name
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .toLowerCase() || "partnership";

export async function GET(request: NextRequest, { params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  let history;
  try {
    history = await (await serverApi()).lifecycle.history({ workspaceSlug: slug, partnershipId: id });
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    if (error.code === "UNAUTHORIZED") return NextResponse.redirect(new URL("/signin", request.url));
    const status = { FORBIDDEN: 403, NOT_FOUND: 404, BAD_REQUEST: 400 }[error.code as string] ?? 500;
    return new NextResponse(`${error.message}\n`, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  // The byte-order mark makes spreadsheet programs read the file as UTF-8.
  const body = "\uFEFF" + historyCsv(history);
  const day = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName(history.partnership.name)}-history-${day}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
