// The one PrismaClient of this process, created on first use. Lazy on purpose: `next build`
// imports route modules in several workers, and none of them may open the embedded database.
import { PrismaClient } from "./generated/client";
import { configuredTarget, createAdapterFor, type Adapter } from "./adapter";

export type Db = PrismaClient;

interface Holder {
  client: PrismaClient;
  adapter: Adapter;
}

const globalForDb = globalThis as unknown as { __phDb?: Holder };

export function getDb(): PrismaClient {
  if (!globalForDb.__phDb) {
    const adapter = createAdapterFor(configuredTarget());
    const client = new PrismaClient({ adapter: adapter.factory });
    globalForDb.__phDb = { client, adapter };
  }
  return globalForDb.__phDb.client;
}

// The in-process PGlite behind the client, when that is the database (tests migrate it directly).
export function currentPglite() {
  getDb();
  return globalForDb.__phDb?.adapter.pglite?.pglite ?? null;
}

export async function disconnectDb(): Promise<void> {
  const holder = globalForDb.__phDb;
  if (!holder) return;
  globalForDb.__phDb = undefined;
  await holder.client.$disconnect();
  await holder.adapter.pglite?.close();
}
