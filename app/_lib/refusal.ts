// Which refusal page a failed client-side tRPC call stands for, if any: the same words as the
// server's not-found and forbidden pages, for a page that loses access while open.
import { TRPCClientError } from "@trpc/client";
import type { Refusal } from "../_components/access-refusal";

export function refusalOf(error: unknown): Refusal | null {
  if (!(error instanceof TRPCClientError)) return null;
  const code = (error.data as { code?: string } | undefined)?.code;
  return code === "NOT_FOUND" ? "not-found" : code === "FORBIDDEN" ? "forbidden" : null;
}
