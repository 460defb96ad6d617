// The REST API's procedure ladder: the app's ladder (server/trpc/procedures.ts) with the API token
// in place of the session. The token was authenticated and counted before tRPC ran
// (server/api-v1/handler.ts); its member context goes through the same steps, asking the same
// access module: role steps (decideRole), the partnership step, the work, action and goal steps.
// Each step names its rule in the procedure's meta, as in the app, so the tests ask
// server/access/outcome.ts what each endpoint should answer a token of each role.
//
// At the root, for every endpoint that writes (a tRPC mutation): a read-only token is refused
// (403), and the call is recorded in the workspace's audit log, with its outcome, whatever it is.
import { z } from "zod";
import type { ApiCaller } from "../access/context";
import { decideRole, type Rule } from "../access/decide";
import { forbidden, isDomainError, unauthorized } from "../access/errors";
import type { Need } from "../access/context";
import { authorizePartnership, enforce, loadWork } from "../access/partnership";
import { isSidedMove, loadAction, loadExchangeItem, loadGoal, type ExchangeNeed } from "../access/work-items";
import { audit } from "../services/accounts/audit";
import { baseProcedure } from "../trpc/init";
import { id } from "../trpc/procedures";

export const READ_ONLY_TOKEN =
  "This API token may only read. Ask an admin of the workspace for a token with read and write access to make changes.";

const rule = (access: Rule) => ({ access });

// Where a call went, for the audit log: "POST /api/v1/partnerships".
const endpointOf = (meta: { openapi?: { method: string; path: string } } | undefined, path: string) =>
  meta?.openapi ? `${meta.openapi.method} /api/v1${meta.openapi.path}` : path;

export const apiProcedure = baseProcedure.meta(rule("member")).use(async ({ ctx, type, meta, path, next }) => {
  const caller: ApiCaller | null | undefined = ctx.apiCaller;
  if (!caller) throw unauthorized("Send an API token in the Authorization header: `Authorization: Bearer <token>`.");
  if (type !== "mutation") return next({ ctx: { ...ctx, ...caller } });
  if (caller.token.scope !== "READ_WRITE") {
    await recordWrite(caller, endpointOf(meta, path), "FORBIDDEN");
    throw forbidden(READ_ONLY_TOKEN);
  }
  const result = await next({ ctx: { ...ctx, ...caller } });
  const outcome = result.ok ? "OK" : isDomainError(result.error.cause) ? result.error.cause.code : result.error.code;
  await recordWrite(caller, endpointOf(meta, path), outcome);
  return result;
});

// Every call that writes, done or refused: who (the token, and the admin who made it), what, how it ended.
function recordWrite(caller: ApiCaller, endpoint: string, outcome: string) {
  return audit(caller.db, {
    action: "api.write",
    actorUserId: caller.user.id,
    target: endpoint,
    detail: { tokenId: caller.token.id, tokenName: caller.token.name, outcome },
    address: caller.address ?? null,
  });
}

function roleStep(access: "host" | "admin") {
  return apiProcedure.meta(rule(access)).use(({ ctx, next }) => {
    enforce(decideRole(ctx.role, access));
    return next();
  });
}

export const apiHostProcedure = roleStep("host");
export const apiAdminProcedure = roleStep("admin");

export const apiPartnershipProcedure = apiProcedure
  .meta(rule("partnership"))
  .input(z.object({ partnershipId: id }))
  .use(async ({ ctx, input, next }) => next({ ctx: { ...ctx, partnershipId: await authorizePartnership(ctx, input.partnershipId) } }));

export const apiWorkProcedure = (need: Need) =>
  apiProcedure
    .meta(rule(`work:${need}`))
    .input(z.object({ partnershipId: id }))
    .use(async ({ ctx, input, next }) => next({ ctx: { ...ctx, work: await loadWork(ctx, input.partnershipId, need) } }));

export const apiActionProcedure = (need: Need) =>
  apiProcedure
    .meta(rule(`item:${need}`))
    .input(z.object({ actionId: id }))
    .use(async ({ ctx, input, next }) => next({ ctx: { ...ctx, ...(await loadAction(ctx, input.actionId, need)) } }));

export const apiGoalProcedure = (need: Need | "edit") =>
  apiProcedure
    .meta(rule(need === "edit" ? "goal:edit" : `item:${need}`))
    .input(z.object({ goalId: id }))
    .use(async ({ ctx, input, next }) => next({ ctx: { ...ctx, ...(await loadGoal(ctx, input.goalId, need)) } }));

// An ask or offer, by the side that makes the move (as the app's exchangeProcedure).
export const apiExchangeProcedure = (need: ExchangeNeed) =>
  apiProcedure
    .meta(rule(isSidedMove(need) ? `exchange:${need}` : `item:${need}`))
    .input(z.object({ itemId: id }))
    .use(async ({ ctx, input, next }) => next({ ctx: { ...ctx, ...(await loadExchangeItem(ctx, input.itemId, need)) } }));
