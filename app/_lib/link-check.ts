// A page opened from an emailed link asks what the link is before showing its button. A token
// too long or malformed for the procedure's input check is an invalid link, not an error page.
import "server-only";
import { TRPCError } from "@trpc/server";
import { serverApi } from "~/server/trpc/server";

type Api = Awaited<ReturnType<typeof serverApi>>;
type Refused = { ok: false; message: string; email: string | null };

const INVALID = "This link is not valid. Check that you copied all of it, or ask for a new one.";

export async function checkEmailedLink<T>(fn: (api: Api) => Promise<T>): Promise<T | Refused> {
  try {
    return await fn(await serverApi());
  } catch (error) {
    if (error instanceof TRPCError && error.code === "BAD_REQUEST") return { ok: false, message: INVALID, email: null };
    throw error;
  }
}

// The token of a page's query string (?token=...), whatever was sent.
export const tokenParam = (value: string | string[] | undefined) => (typeof value === "string" ? value : "");
