// Shared by the audit log's tests: callers that come from a client address, as the HTTP handler's
// context carries it, and reads of what the log holds.
import { createContextFor } from "../../server/trpc/context";
import { createCaller } from "../../server/trpc/root";
import { buildWorld, db } from "./helpers";

export type World = Awaited<ReturnType<typeof buildWorld>>;

// A caller whose requests come from `address` (what server/http/client-address.ts decides).
export const callerAt = (userId: string | null, address: string) => createCaller(createContextFor(userId, db(), { address }));

// The workspace's own events (not account events), oldest first.
export const workspaceEvents = (workspaceId: string, action?: string) =>
  db().auditEvent.findMany({ where: { workspaceId, ...(action ? { action } : {}) }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });

export const tokenOf = (path: string) => path.replace(/^\/invite\//, "");

// Accepting an invitation as the invitee's browser does, from `address`: a new person gives a
// name (and here a password); someone with an account accepts signed in to it.
export function acceptInvitation(token: string, address: string, as: { newAccount: true; name: string } | { userId: string }) {
  return "userId" in as
    ? callerAt(as.userId, address).invitation.accept({ token, name: "Signed In" })
    : callerAt(null, address).invitation.accept({ token, name: as.name, password: "a-brand-new-password" });
}

// Lets the clock move on, so events written one after the other have distinct times (ms).
export const tick = () => new Promise((resolve) => setTimeout(resolve, 5));
