// Draft saves go through their own tRPC client: each request is sent with `keepalive`, so the
// save started as a tab is closed still reaches the server. The app's shared client batches
// requests, and a batch may outgrow keepalive's size limit.
// Browsers refuse keepalive requests over 64 KiB; a larger draft goes as a plain request.
const KEEPALIVE_LIMIT = 60_000;
import { createTRPCClient, httpLink, TRPCClientError } from "@trpc/client";
import superjson from "superjson";
import { errorMessage } from "~/server/trpc/client";
import type { AppRouter } from "~/server/trpc/root";
import type { RouterInputs } from "~/server/trpc/types";

const clientFor = (url: string) =>
  createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url,
        transformer: superjson,
        fetch: (input, init) => {
          const body = (init as RequestInit | undefined)?.body;
          return fetch(input, { ...(init as RequestInit), keepalive: typeof body === "string" && body.length < KEEPALIVE_LIMIT });
        },
      }),
    ],
  });

// One client per endpoint: the app's, or a personal survey link's own (survey-place.ts).
const clients = new Map<string, ReturnType<typeof clientFor>>();

export type SaveDraftInput = RouterInputs["response"]["saveDraft"];
export type SaveDraftResult = { version: number; savedAt: Date };

export function sendDraft(apiUrl: string, input: SaveDraftInput): Promise<SaveDraftResult> {
  let client = clients.get(apiUrl);
  if (!client) clients.set(apiUrl, (client = clientFor(apiUrl)));
  return client.response.saveDraft.mutate(input);
}

// A refusal will not change by trying again; anything else (no network, a restarting server)
// may, so it is retried.
const REFUSALS = new Set(["BAD_REQUEST", "UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "PAYLOAD_TOO_LARGE", "UNPROCESSABLE_CONTENT"]);

export type SaveFailure = { kind: "conflict" } | { kind: "refused"; message: string } | { kind: "transient" };

export function classifyFailure(error: unknown): SaveFailure {
  const code = error instanceof TRPCClientError ? (error.data as { code?: string } | undefined)?.code : undefined;
  if (code === "CONFLICT") return { kind: "conflict" };
  if (code && REFUSALS.has(code)) return { kind: "refused", message: (error as Error).message };
  return { kind: "transient" };
}

// The shared errorMessage() shows a failed fetch as the browser words it ("Failed to fetch"):
// a request that got no tRPC reply at all never reached the server, or its reply was lost.
export function submitErrorMessage(error: unknown): string {
  if (error instanceof TRPCClientError && !error.data) {
    return "Could not reach the server. Your answers are kept here; check your connection and submit again.";
  }
  return errorMessage(error);
}
