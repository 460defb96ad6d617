// The pillars an action can serve. New actions choose among the current framework's pillars;
// names are looked up by the stable key across every version, so an action made for a pillar
// that a later edit renamed or removed still shows a name.
import type { TenantClient } from "../../db/tenant";
import { latestFrameworkVersion } from "../framework";

type Db = TenantClient;

export interface PillarOption {
  key: string;
  name: string;
}

export async function currentPillars(db: Db): Promise<PillarOption[]> {
  const version = await latestFrameworkVersion(db);
  if (!version) return [];
  return db.pillar.findMany({ where: { versionId: version.id }, orderBy: { position: "asc" }, select: { key: true, name: true } });
}

// key -> name, the newest version's name winning.
export async function pillarNames(db: Db): Promise<Map<string, string>> {
  const rows = await db.pillar.findMany({ select: { key: true, name: true }, orderBy: { version: { version: "asc" } } });
  return new Map(rows.map((p) => [p.key, p.name]));
}
