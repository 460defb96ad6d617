// The one PrismaClient of this process, created on first use. Lazy on purpose: `next build`
// imports route modules in several workers, and none of them may open the embedded database.
import { PrismaClient } from "./generated/client";
import { configuredTarget, createAdapterFor, type Adapter } from "./adapter";
import { withoutRowSecurity } from "./tenant";

export type Db = PrismaClient;

interface Holder {
  client: PrismaClient;
  adapter: Adapter;
}

const globalForDb = globalThis as unknown as { __phDb?: Holder; __phMaintenanceDb?: Holder };

// Row-level security runs every statement of a scoped client in a transaction (tenant.ts), and
// Prisma holds a transaction to its default limits: 2 s to get a connection and 5 s in all. A
// statement alone had neither limit before; these keep a busy pool or a slow report from failing
// where it used to succeed only slowly. Interactive transactions share the defaults.
const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 60_000 };

// A client for an adapter; on PGlite, marked as outside row-level security (see tenant.ts).
export function clientFor(adapter: Adapter): PrismaClient {
  const client = new PrismaClient({ adapter: adapter.factory, transactionOptions: TRANSACTION_OPTIONS });
  return adapter.pglite ? withoutRowSecurity(client) : client;
}

export function getDb(): PrismaClient {
  if (!globalForDb.__phDb) {
    const adapter = createAdapterFor(configuredTarget());
    globalForDb.__phDb = { client: clientFor(adapter), adapter };
  }
  return globalForDb.__phDb.client;
}

// For operator tools and test fixtures that span workspaces (seed, scale generator, factories):
// on PostgreSQL a second client, as the login user with the whole session crossing workspaces;
// on PGlite the one client (one connection, outside row-level security; see adapter.ts). Never
// for serving requests: that is getDb(), held to one workspace at a time.
export function getMaintenanceDb(): PrismaClient {
  const target = configuredTarget();
  if (!target.databaseUrl) return getDb();
  if (!globalForDb.__phMaintenanceDb) {
    const adapter = createAdapterFor(target, "maintenance");
    globalForDb.__phMaintenanceDb = { client: clientFor(adapter), adapter };
  }
  return globalForDb.__phMaintenanceDb.client;
}

// The in-process PGlite behind the client, when that is the database (tests migrate it directly).
export function currentPglite() {
  getDb();
  return globalForDb.__phDb?.adapter.pglite?.pglite ?? null;
}

export async function disconnectDb(): Promise<void> {
  const maintenance = globalForDb.__phMaintenanceDb;
  globalForDb.__phMaintenanceDb = undefined;
  await maintenance?.client.$disconnect();
  const holder = globalForDb.__phDb;
  if (!holder) return;
  globalForDb.__phDb = undefined;
  await holder.client.$disconnect();
  await holder.adapter.pglite?.close();
}
