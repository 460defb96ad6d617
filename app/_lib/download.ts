// Shared by the route handlers that send files (portfolio CSV, retro summary, partnership
// history). Each reads through the in-process tRPC caller, so access is the procedure's own; a
// refusal becomes the HTTP answer a browser expects of a download link.
import { TRPCError } from "@trpc/server";
import { NextResponse, type NextRequest } from "next/server";

export function refusal(request: NextRequest, error: unknown) {
  if (!(error instanceof TRPCError)) throw error;
  if (error.code === "UNAUTHORIZED") return NextResponse.redirect(new URL("/signin", request.url));
  const status = { FORBIDDEN: 403, NOT_FOUND: 404, BAD_REQUEST: 400 }[error.code as string] ?? 500;
  return new NextResponse(`${error.message}\n`, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

// Letters, digits and hyphens only, for a file name.
export const fileSafe = (name: string, fallback: string) => name.replace(/[^A-Za-z0-9-]+/g, "-").replace(/^-+|-+$/g, "") || fallback;
