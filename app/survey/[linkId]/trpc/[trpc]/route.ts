// A personal survey link's own tRPC endpoint: the link's pages call the survey procedures here,
// with the link's cookie (sent to this path only) and no session. Every procedure of the app
// router is reachable, and the ladder refuses all but the survey steps within the link. The same
// door as /api/trpc (origin, batch size, body size) stands in front of it; proxy.ts leaves this
// path out, as it does /api/, so no body is buffered before the door has counted it.
import type { NextRequest } from "next/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { apiRoute } from "~/server/http/api-route";
import { TRPC_MAX_BATCH, TRPC_MAX_BODY_BYTES } from "~/server/http/limits";
import { batchRefusal, responseMeta, trpcRefusal } from "~/server/trpc/http-door";
import { createLinkRequestContext, surveyLinkEndpoint } from "~/server/trpc/link-context";
import { appRouter } from "~/server/trpc/root";

// The link id is the path's second segment: /survey/<linkId>/trpc/...
const endpointOf = (req: NextRequest) => surveyLinkEndpoint(req.nextUrl.pathname.split("/")[2] ?? "");

const handler = apiRoute(
  async (req: NextRequest, { params }: { params: Promise<{ linkId: string }> }) => {
    const { linkId } = await params;
    return fetchRequestHandler({
      endpoint: surveyLinkEndpoint(linkId),
      req,
      router: appRouter,
      createContext: () => createLinkRequestContext(linkId),
      maxBatchSize: TRPC_MAX_BATCH,
      responseMeta,
      onError({ error, path }) {
        if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC (survey link) ${path ?? "?"} failed:`, error.cause ?? error);
      },
    });
  },
  { maxBodyBytes: TRPC_MAX_BODY_BYTES, precheck: (req) => batchRefusal(req.nextUrl, endpointOf(req)), respond: trpcRefusal },
);

export { handler as GET, handler as POST };
