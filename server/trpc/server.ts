// The in-process tRPC caller for server components: same procedures, same checks, no HTTP.
import "server-only";
import { cache } from "react";
import { createRequestContext } from "./context";
import { createCaller } from "./root";

// One caller (and one session read) per request.
export const serverApi = cache(async () => createCaller(await createRequestContext()));
