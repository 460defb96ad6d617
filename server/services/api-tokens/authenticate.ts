// Who a REST API call is: the bearer token, found by its hash, counted against its rate limit,
// and turned into the member context the access rules decide on. The token acts as its maker's
// membership with the token's own role (and, for a partner contact's role, its organisation), so
// every step of the API ladder asks server/access exactly what it asks for a member of that role.
// A token works only while its maker still administers the workspace.
import type { PrismaClient } from "../../db/generated/client";
import type { ApiCaller } from "../../access/context";
import { DomainError, unauthorized } from "../../access/errors";
import { capabilitiesOf } from "../../access/roles";
import { findMembership, countApiTokenCall } from "../../db/cross-workspace";
import { forWorkspace } from "../../db/tenant";
import { hashToken } from "../accounts/tokens";

export const RATE_WINDOW_MS = 60_000;

// 429, with the seconds until the token's window starts again (the Retry-After header).
export class RateLimited extends DomainError {
  constructor(readonly retryAfterS: number) {
    super(
      "TOO_MANY_REQUESTS",
      `This API token has made too many calls this minute. Try again in ${retryAfterS} second${retryAfterS === 1 ? "" : "s"}.`,
    );
  }
}

export const NO_TOKEN = "Send an API token in the Authorization header: `Authorization: Bearer <token>`.";
export const BAD_TOKEN = "This API token is not valid: it may have been revoked. An admin of the workspace can make a new one.";
export const MAKER_GONE =
  "This API token no longer works: the admin who made it no longer administers the workspace. An admin can make a new one.";

// The token of an `Authorization: Bearer <token>` header, or null.
export function bearerToken(header: string | null): string | null {
  const match = header ? /^Bearer[ \t]+([A-Za-z0-9._~+/=-]{1,200})[ \t]*$/i.exec(header) : null;
  return match?.[1] ?? null;
}

export async function authenticateApiCall(
  db: PrismaClient,
  authorization: string | null,
  options: { limitPerMinute: number; address?: string | null; now?: Date },
): Promise<ApiCaller> {
  const token = bearerToken(authorization);
  if (!token) throw unauthorized(authorization ? BAD_TOKEN : NO_TOKEN);
  const now = options.now ?? new Date();
  const used = await countApiTokenCall(db, hashToken(token), now, RATE_WINDOW_MS);
  if (!used) throw unauthorized(BAD_TOKEN);
  if (used.windowCount > options.limitPerMinute) {
    const left = used.windowStart.getTime() + RATE_WINDOW_MS - now.getTime();
    throw new RateLimited(Math.max(1, Math.ceil(left / 1000)));
  }
  // The maker's membership as the app reads it for every request: removed, demoted or gone, the
  // token stops at once.
  const maker = await findMembership(db, used.creatorUserId, used.slug);
  if (!maker || !capabilitiesOf(maker.member.role).administer) throw unauthorized(MAKER_GONE);
  const role = used.role;
  return {
    db: forWorkspace(db, used.workspaceId),
    user: maker.user,
    workspace: maker.workspace,
    member: { ...maker.member, role, partnerOrgId: used.partnerOrgId },
    role,
    can: capabilitiesOf(role),
    address: options.address ?? null,
    token: { id: used.id, name: used.name, scope: used.scope },
  };
}
