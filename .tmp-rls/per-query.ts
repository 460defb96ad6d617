// Per-query cost of the scoped client's set_config wrapping: the same findFirst through a scoped
// client (wrapped), and through the maintenance client with the explicit filter (not wrapped).
import { PrismaClient } from "../server/db/generated/client";
import { createAdapterFor } from "../server/db/adapter";
import { forWorkspace } from "../server/db/tenant";

async function main() {
  const url = process.env.DATABASE_URL || undefined;
  const app = createAdapterFor({ databaseUrl: url, pgliteDataDir: "memory://" });
  const appDb = new PrismaClient({ adapter: app.factory });
  const maint = url ? new PrismaClient({ adapter: createAdapterFor({ databaseUrl: url, pgliteDataDir: "" }, "maintenance").factory }) : appDb;
  if (!url) {
    const { migrate } = await import("../server/db/migrate");
    const { driverForPglite } = await import("../server/db/sql-driver");
    await migrate(driverForPglite(app.pglite!.pglite));
  }
  const ws = await maint.workspace.create({ data: { slug: `perq-${Date.now()}`, name: "Per query" } });
  const org = await maint.partnerOrg.create({ data: { workspaceId: ws.id, name: "Org" } });
  const scoped = forWorkspace(appDb, ws.id);
  const N = Number(process.env.N ?? 300);
  const time = async (label: string, fn: () => Promise<unknown>) => {
    for (let i = 0; i < 20; i++) await fn();
    const t: number[] = [];
    for (let i = 0; i < N; i++) {
      const s = performance.now();
      await fn();
      t.push(performance.now() - s);
    }
    t.sort((a, b) => a - b);
    console.log(`${label}: median ${t[Math.floor(N / 2)]!.toFixed(3)} ms, p95 ${t[Math.floor(N * 0.95)]!.toFixed(3)} ms`);
  };
  for (let round = 0; round < 2; round++) {
    await time("plain (explicit filter, no set_config)", () => maint.partnerOrg.findFirst({ where: { workspaceId: ws.id, id: org.id } }));
    await time("scoped (batch [set_config, query])", () => scoped.partnerOrg.findFirst({ where: { id: org.id } }));
    await time("scoped tx, per query inside", () => scoped.$transaction(async (tx) => { for (let i = 0; i < 5; i++) await tx.partnerOrg.findFirst({ where: { id: org.id } }); }));
  }
  await maint.partnerOrg.deleteMany({ where: { workspaceId: ws.id } });
  await maint.workspace.delete({ where: { id: ws.id } });
  await appDb.$disconnect();
  if (maint !== appDb) await maint.$disconnect();
  await app.pglite?.close();
}
main();
