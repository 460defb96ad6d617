import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { apiRoute } from "~/server/http/api-route";
import { TRPC_MAX_BATCH, TRPC_MAX_BODY_BYTES } from "~/server/http/limits";
import { createRequestContext } from "~/server/trpc/context";
import { TRPC_ENDPOINT, batchRefusal, responseMeta, trpcRefusal } from "~/server/trpc/http-door";
import { appRouter } from "~/server/trpc/root";

// Cross-origin mutations, batches over TRPC_MAX_BATCH and bodies over TRPC_MAX_BODY_BYTES are
// refused at the door (server/http/api-route.ts), before tRPC reads or runs anything.
const handler = apiRoute(
  (req: Request) =>
    fetchRequestHandler({
      endpoint: TRPC_ENDPOINT,
      req,
      router: appRouter,
      createContext: createRequestContext,
      // The door has counted already; tRPC's own count is the second lock on the same door.
      maxBatchSize: TRPC_MAX_BATCH,
      responseMeta,
      onError({ error, path }) {
        if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path ?? "?"} failed:`, error.cause ?? error);
      },
    }),
  { maxBodyBytes: TRPC_MAX_BODY_BYTES, precheck: (req) => batchRefusal(req.nextUrl), respond: trpcRefusal },
);

export { handler as GET, handler as POST };
