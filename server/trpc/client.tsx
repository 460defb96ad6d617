"use client";
// tRPC for client components, through TanStack Query.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, TRPCClientError } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { useState, type ReactNode } from "react";
import superjson from "superjson";
import { TRPC_MAX_BATCH } from "../http/limits";
import type { AppRouter } from "./root";

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

// The message a person should read for a failed call.
export function errorMessage(error: unknown): string {
  // A request that never got an answer carries no tRPC error data, only the browser's own words
  // ("Failed to fetch"), which mean nothing to a person.
  if (error instanceof TRPCClientError)
    return error.data ? error.message : "Could not reach the server. Check your connection and try again.";
  if (error instanceof Error && /fetch|network/i.test(error.message))
    return "Could not reach the server. Check your connection and try again.";
  return "Something went wrong. Please try again.";
}

// `url`: the app's endpoint, or a personal survey link's own (app/survey/[linkId]), whose pages
// nest a provider of their own.
export function TRPCReactProvider({ children, url = "/api/trpc" }: { children: ReactNode; url?: string }) {
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: 1 } } }));
  // Batches stay within what the server accepts (server/http/limits.ts); a query batch's inputs
  // ride in the address, which stays well under the server's 16 KB limit for request headers.
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [httpBatchLink({ url, transformer: superjson, maxItems: TRPC_MAX_BATCH, maxURLLength: 8000 })],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
