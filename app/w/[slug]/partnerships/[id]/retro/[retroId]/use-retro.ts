"use client";
// The retro as the board shows it, polled every few seconds, and the mutations that change it:
// each refetches the view when it settles, so the person sees the result of their own click at
// once and everyone else's within a poll.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "~/server/trpc/client";
import { refusalOf } from "../../../../../../_lib/refusal";
import type { RouterOutputs } from "~/server/trpc/types";

export type RetroView = RouterOutputs["retro"]["get"];
export type ListView = RetroView["lists"][number];
export type ItemView = ListView["items"][number];
export type ActionView = RetroView["actions"][number];

export const POLL_MS = 3000;

// A poll that is refused (the retro or its partnership gone, or the person's access to it) turns
// the board into the refusal page and stops polling: the last view would otherwise stay on screen
// with every click failing.
export function useRetro(slug: string, initial: RetroView) {
  const trpc = useTRPC();
  const query = useQuery(
    trpc.retro.get.queryOptions(
      { workspaceSlug: slug, retroId: initial.retro.id },
      { initialData: initial, refetchInterval: (q) => (refusalOf(q.state.error) ? false : POLL_MS) },
    ),
  );
  return { view: query.data, refusal: refusalOf(query.error) };
}

export function useRefresh() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries(trpc.retro.pathFilter());
}
