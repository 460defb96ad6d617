// A personal survey link's own tRPC endpoint: the link's pages call the survey procedures here,
// with the link's cookie (sent to this path only) and no session. Every procedure of the app
// router is reachable, and the ladder refuses all but the survey steps within the link.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { createLinkRequestContext, surveyLinkEndpoint } from "~/server/trpc/link-context";
import { appRouter } from "~/server/trpc/root";

const handler = async (req: Request, { params }: { params: Promise<{ linkId: string }> }) => {
  const { linkId } = await params;
  return fetchRequestHandler({
    endpoint: surveyLinkEndpoint(linkId),
    req,
    router: appRouter,
    createContext: () => createLinkRequestContext(linkId),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC (survey link) ${path ?? "?"} failed:`, error.cause ?? error);
    },
  });
};

export { handler as GET, handler as POST };
