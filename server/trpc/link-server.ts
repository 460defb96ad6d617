// The in-process tRPC caller of a personal survey link's pages: the same procedures as the app's,
// called with the link's context (link-context.ts) instead of the session's.
import "server-only";
import { cache } from "react";
import { createLinkRequestContext } from "./link-context";
import { createCaller } from "./root";

// One caller (and one cookie read) per request and link.
export const linkServerApi = cache(async (linkId: string) => createCaller(await createLinkRequestContext(linkId)));
