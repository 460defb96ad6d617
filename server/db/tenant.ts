// The one place tenant scoping happens. `forWorkspace` wraps the Prisma client so that every
// query on a workspace-owned model is filtered by, and every write stamped with, the workspace
// from the request context. Routers and services receive only this scoped client, so a handler
// cannot forget the filter, and a row of another workspace is simply not found.
//
// Plain SQL goes through the same client: `db.$queryScoped` and `db.$executeScoped` are tagged
// templates in which `${WORKSPACE}` stands for the client's workspace, bound as a parameter. A
// statement without it is refused before it reaches the database, so raw SQL cannot be scoped by
// hand with an id passed beside the client, nor forget the scope. The client also carries its
// workspace's id (`db.$workspaceId`) for the compound keys that name it.
//
// Behind that filter stands a second wall (prisma/migrations/20261205000000_row_level_security):
// on PostgreSQL the app runs as a role held by row-level security, which shows and accepts only
// rows of the transaction's app.workspace_id. So every operation of a scoped client runs with it
// set: alone, as a batch transaction [set_config, the operation] (the Prisma RLS client-extension
// pattern); inside the scoped client's interactive $transaction, set once as its first statement.
import { Prisma } from "./generated/client";
import type { PrismaClient } from "./generated/client";

// The global models; every other model has workspaceId and is scoped. Listing the exceptions
// (not the scoped ones) means a new model is scoped unless someone decides otherwise.
// Accounts (a person's sessions, emailed tokens, account emails and account-level audit events)
// belong to no workspace.
export const GLOBAL_MODELS: ReadonlySet<string> = new Set<string>([
  Prisma.ModelName.User,
  Prisma.ModelName.Workspace,
  Prisma.ModelName.SignInThrottle,
  Prisma.ModelName.UserSession,
  Prisma.ModelName.AuthToken,
  Prisma.ModelName.AccountEmail,
  Prisma.ModelName.AccountAuditEvent,
]);
const TENANT_MODELS = new Set<string>(Object.values(Prisma.ModelName).filter((m) => !GLOBAL_MODELS.has(m)));

// The setting only transaction-local (`is_local` true): a pooled connection keeps nothing of it.
const setWorkspace = (db: Pick<PrismaClient, "$executeRaw">, workspaceId: string) =>
  db.$executeRaw`SELECT set_config('app.workspace_id', ${workspaceId}, true)`;

// Clients on a database where row-level security is not enforced (PGlite: one superuser
// connection, see adapter.ts). There the setting would hold nothing back, and a transaction around
// every statement costs several times the statement, so the scoped client leaves it out.
const UNENFORCED = new WeakSet<object>();
export function withoutRowSecurity<C extends object>(client: C): C {
  UNENFORCED.add(client);
  return client;
}

// Whether the operation already runs inside a transaction: a scoped interactive transaction (which
// set the workspace first) or the batch this extension opened. Prisma passes it on, untyped.
const inTransaction = (params: object) =>
  (params as { __internalParams?: { transaction?: unknown } }).__internalParams?.transaction !== undefined;

// Stands for the scoped client's workspace id in a raw statement.
export const WORKSPACE: unique symbol = Symbol("the scoped client's workspace");

export class UnscopedSqlError extends Error {
  constructor() {
    super("A raw statement on a workspace's client must filter by ${WORKSPACE}.");
    this.name = "UnscopedSqlError";
  }
}

type Args = Record<string, unknown> & { where?: object; data?: unknown; create?: object };

function stamp(data: unknown, workspaceId: string): unknown {
  if (Array.isArray(data)) return data.map((d) => stamp(d, workspaceId));
  const row = data as Record<string, unknown>;
  if (row.workspaceId !== undefined && row.workspaceId !== workspaceId) {
    throw new Error("Refusing to write a row into another workspace.");
  }
  return { ...row, workspaceId };
}

// The statement with ${WORKSPACE} bound to the id; nested Prisma.sql fragments are flattened into
// one list of values by Prisma.sql, so a fragment may name WORKSPACE too.
function bind(workspaceId: string, strings: TemplateStringsArray, values: unknown[]): Prisma.Sql {
  const sql = Prisma.sql(strings, ...values);
  if (!sql.values.includes(WORKSPACE)) throw new UnscopedSqlError();
  return new Prisma.Sql(
    sql.strings,
    sql.values.map((v) => (v === WORKSPACE ? workspaceId : v)),
  );
}

interface Scoped {
  readonly $workspaceId: string;
  $queryScoped<T = unknown>(strings: TemplateStringsArray, ...values: unknown[]): Promise<T>;
  $executeScoped(strings: TemplateStringsArray, ...values: unknown[]): Promise<number>;
}

// The scoped client has the plain client's shape: a query-only extension changes no types, and
// typing it as what it is keeps TypeScript from comparing two 40-model client types at every call
// site (which overflowed its stack once the schema grew). The brand keeps an unscoped client from
// being passed where a scoped one is required.
declare const scoped: unique symbol;
// What a scoped interactive transaction hands its callback: the same scope, the same helpers.
export type TenantTx = Prisma.TransactionClient & Scoped & { readonly [scoped]: true };
export type TenantDb = Omit<PrismaClient, "$transaction"> &
  Scoped & {
    readonly [scoped]: true;
    $transaction<R>(fn: (tx: TenantTx) => Promise<R>, options?: { maxWait?: number; timeout?: number }): Promise<R>;
  };

export function forWorkspace(db: PrismaClient, workspaceId: string): TenantDb {
  const enforced = !UNENFORCED.has(db);
  const extended = db.$extends({
    name: "workspace-scope",
    client: {
      $workspaceId: workspaceId,
      $queryScoped(strings: TemplateStringsArray, ...values: unknown[]) {
        const client = Prisma.getExtensionContext(this) as unknown as PrismaClient;
        return client.$queryRaw(bind(workspaceId, strings, values));
      },
      $executeScoped(strings: TemplateStringsArray, ...values: unknown[]) {
        const client = Prisma.getExtensionContext(this) as unknown as PrismaClient;
        return client.$executeRaw(bind(workspaceId, strings, values));
      },
    },
    query: {
      // Every operation, on any model and raw: a global model's nested tenant rows are held too.
      async $allOperations(params) {
        const { model, operation, args, query } = params;
        let a = args;
        if (model !== undefined && TENANT_MODELS.has(model)) a = scopeArgs(operation, args as Args, workspaceId) as typeof args;
        if (!enforced || inTransaction(params)) return query(a);
        const [, result] = await db.$transaction([setWorkspace(db, workspaceId), query(a)]);
        return result;
      },
    },
  });
  const transaction = <R>(fn: (tx: TenantTx) => Promise<R>, options?: { maxWait?: number; timeout?: number }) =>
    extended.$transaction(async (tx) => {
      if (enforced) await setWorkspace(tx, workspaceId);
      return fn(tx as unknown as TenantTx);
    }, options);
  const scopedDb = new Proxy(extended, {
    get: (target, prop) => (prop === "$transaction" ? transaction : Reflect.get(target, prop)),
  });
  return scopedDb as unknown as TenantDb;
}

function scopeArgs(operation: string, args: Args, workspaceId: string): Args {
  const a = { ...args };
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
  return a;
}

// A scoped client or one of its transactions: what services that run either way accept.
export type TenantClient = TenantDb | TenantTx;

// The unique key of a row of this client's workspace by its own id: `where: byId(db, id)`. Every
// tenant table's primary key is (workspaceId, id), so a row is named with its workspace (the scope
// adds the same filter; this is what makes it a unique lookup for Prisma).
export const byId = (db: { readonly $workspaceId: string }, id: string) => ({ workspaceId_id: { workspaceId: db.$workspaceId, id } });
