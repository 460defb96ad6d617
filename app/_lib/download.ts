// Shared by the route handlers that send files (portfolio CSV, retro summary, partnership
// history). Each reads through the in-process tRPC caller, so access is the procedure's own; a
// refusal becomes the HTTP answer a browser expects of a download link, with the same status as
// the page it belongs to: sign-in for the signed out, 404 for what the person may not know
// exists, 403 for what they may know of but not open.
import { TRPCError } from "@trpc/server";
import { NextResponse, type NextRequest } from "next/server";

// One body per status, never the procedure's message, so that another workspace's or another
// organisation's id answers exactly as a random one does.
const REFUSED: Record<number, string> = {
  400: "This download link is not valid.",
  403: "You do not have access to this download.",
  404: "Not found: this download does not exist, or you do not have access to it.",
};

export function refused(status: 400 | 403 | 404) {
  return new NextResponse(`${REFUSED[status]}\n`, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

export function refusal(request: NextRequest, error: unknown) {
  if (!(error instanceof TRPCError)) throw error;
  if (error.code === "UNAUTHORIZED") return NextResponse.redirect(new URL("/signin", request.url));
  const status = ({ FORBIDDEN: 403, NOT_FOUND: 404, BAD_REQUEST: 400 } as const)[error.code as string];
  if (!status) throw error;
  return refused(status);
}

// Letters, digits and hyphens only, for a file name.
export const fileSafe = (name: string, fallback: string) => name.replace(/[^A-Za-z0-9-]+/g, "-").replace(/^-+|-+$/g, "") || fallback;
