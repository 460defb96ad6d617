// The one place tenant scoping happens. `forWorkspace` wraps the Prisma client so that every
// query on a workspace-owned model is filtered by, and every write stamped with, the workspace
// from the request context. Routers and services receive only this scoped client, so a handler
// cannot forget the filter, and a row of another workspace is simply not found.
import { Prisma } from "./generated/client";
import type { PrismaClient } from "./generated/client";

// The global models; every other model has workspaceId and is scoped. Listing the exceptions
// (not the scoped ones) means a new model is scoped unless someone decides otherwise.
const GLOBAL_MODELS = new Set<string>([Prisma.ModelName.User, Prisma.ModelName.Workspace, Prisma.ModelName.SignInThrottle]);
const TENANT_MODELS = new Set<string>(Object.values(Prisma.ModelName).filter((m) => !GLOBAL_MODELS.has(m)));

type Args = Record<string, unknown> & { where?: object; data?: unknown; create?: object };

function stamp(data: unknown, workspaceId: string): unknown {
  if (Array.isArray(data)) return data.map((d) => stamp(d, workspaceId));
  const row = data as Record<string, unknown>;
  if (row.workspaceId !== undefined && row.workspaceId !== workspaceId) {
    throw new Error("Refusing to write a row into another workspace.");
  }
  return { ...row, workspaceId };
}

// The scoped client has the plain client's shape: a query-only extension changes no types, and
// typing it as what it is keeps TypeScript from comparing two 40-model client types at every call
// site (which overflowed its stack once the schema grew). The brand keeps an unscoped client from
// being passed where a scoped one is required.
declare const scoped: unique symbol;
export type TenantDb = PrismaClient & { readonly [scoped]: true };
// What a scoped interactive transaction hands its callback.
export type TenantTx = Prisma.TransactionClient;

export function forWorkspace(db: PrismaClient, workspaceId: string): TenantDb {
  const extended = db.$extends({
    name: "workspace-scope",
    query: {
      $allModels: {
        async $allOperations({ model, operation, args, query }) {
          if (!TENANT_MODELS.has(model)) return query(args);
          const a = { ...(args as Args) };
          switch (operation) {
            case "create":
            case "createMany":
            case "createManyAndReturn":
              a.data = stamp(a.data, workspaceId);
              break;
            case "upsert":
              a.where = { ...a.where, workspaceId };
              a.create = stamp(a.create, workspaceId) as object;
              break;
            case "update":
            case "updateMany":
            case "updateManyAndReturn":
              if (a.data && (a.data as Record<string, unknown>).workspaceId !== undefined) {
                throw new Error("A row's workspace cannot be changed.");
              }
              a.where = { ...a.where, workspaceId };
              break;
            default:
              // find*, count, aggregate, groupBy, delete*: filter by the workspace.
              a.where = { ...a.where, workspaceId };
          }
          return query(a as typeof args);
        },
      },
    },
  });
  return extended as unknown as TenantDb;
}
