// npm run db:seed: adds the demo workspace unless it is already there.
import { demoExists, DEMO_SLUG, seedDemo } from "../../prisma/demo";
import { disconnectDb, getMaintenanceDb } from "../db/client";

export async function seedIfMissing(): Promise<boolean> {
  // The demo spans its workspace and the people in it: an operator tool, crossing workspaces.
  const db = getMaintenanceDb();
  if (await demoExists(db)) return false;
  const started = Date.now();
  const { responses } = await seedDemo(db);
  console.log(`Seeded the demo workspace "${DEMO_SLUG}" (${responses} responses) in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  seedIfMissing()
    .then((seeded) => {
      if (!seeded) console.log(`The demo workspace "${DEMO_SLUG}" is already there; nothing to do.`);
    })
    .catch((error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    })
    .finally(() => disconnectDb());
}
