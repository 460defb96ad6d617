// The goal-measures migration on old-shaped rows: a fresh PGlite migrated up to the migration
// before it, goals with free-text targets and check-ins with percentages inserted, then the rest
// applied. Nothing may be lost: parsed targets become numbers and units, the others keep their
// text in the measure, and each check-in's value gives back its old percentage.
import { PGlite } from "@electric-sql/pglite";
import { afterEach, describe, expect, it } from "vitest";
import { migrate, readMigrations } from "../../server/db/migrate";
import { driverForPglite } from "../../server/db/sql-driver";
import { measuredProgress } from "../../server/services/goals/measure";

const MIGRATION = "20261208000000_goal_measures";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

// Inserts a row, filling each required column not given with a plain value of its type, so the
// test names only what it is about and survives columns added by other migrations.
async function insert(pglite: PGlite, table: string, given: Record<string, unknown>) {
  const { rows } = await pglite.query<{ column_name: string; data_type: string; udt_name: string }>(
    `SELECT column_name, data_type, udt_name FROM information_schema.columns
     WHERE table_name = $1 AND is_nullable = 'NO' AND column_default IS NULL`,
    [table],
  );
  const values: Record<string, unknown> = { ...given };
  for (const c of rows) {
    if (c.column_name in values) continue;
    if (c.data_type === "USER-DEFINED") {
      const labels = await pglite.query<{ l: string }>(
        `SELECT e.enumlabel AS l FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid WHERE t.typname = $1 ORDER BY e.enumsortorder LIMIT 1`,
        [c.udt_name],
      );
      values[c.column_name] = labels.rows[0]!.l;
    } else if (c.data_type.startsWith("timestamp")) values[c.column_name] = new Date();
    else if (c.data_type === "integer" || c.data_type === "double precision") values[c.column_name] = 0;
    else if (c.data_type === "boolean") values[c.column_name] = false;
    else if (c.data_type === "jsonb") values[c.column_name] = "{}";
    else values[c.column_name] = `${table}-${c.column_name}-${Math.random().toString(36).slice(2, 10)}`;
  }
  const names = Object.keys(values);
  await pglite.query(
    `INSERT INTO "${table}" (${names.map((n) => `"${n}"`).join(", ")}) VALUES (${names.map((_, i) => `$${i + 1}`).join(", ")})`,
    names.map((n) => values[n]),
  );
}

describe("the goal-measures migration", { timeout: 120_000 }, () => {
  it("turns old targets into measures and old percentages into values, losing nothing", async () => {
    const pglite = new PGlite();
    cleanups.push(() => pglite.close());
    await pglite.waitReady;
    const all = readMigrations();
    const at = all.findIndex((m) => m.name === MIGRATION);
    await migrate(driverForPglite(pglite), all.slice(0, at));

    const ws = "ws1";
    await insert(pglite, "Workspace", { id: ws, slug: "old-goals" });
    await insert(pglite, "User", { id: "u1", email: "old@example.test" });
    await insert(pglite, "Member", { id: "m1", workspaceId: ws, userId: "u1", role: "MANAGER" });
    await insert(pglite, "PartnerOrg", { id: "o1", workspaceId: ws });
    await insert(pglite, "Partnership", { id: "p1", workspaceId: ws, partnerOrgId: "o1" });
    await insert(pglite, "FrameworkVersion", { id: "f1", workspaceId: ws, version: 1 });
    await insert(pglite, "Cycle", {
      id: "c1",
      workspaceId: ws,
      frameworkVersionId: "f1",
      opensAt: new Date("2026-10-01"),
      closesAt: new Date("2026-10-31"),
    });
    const old = [
      { id: "g1", measure: "Joint pipeline", target: "$2.0M", progress: 20 },
      { id: "g2", measure: "Co-sold deals", target: "20 deals", progress: 35 },
      { id: "g3", measure: "Win rate", target: "50%", progress: 76 },
      { id: "g4", measure: "Partner-sourced revenue", target: "Double last year's", progress: 40 },
      { id: "g5", measure: "Webinars", target: "0", progress: 0 },
    ];
    for (const g of old) {
      await insert(pglite, "Goal", {
        id: g.id,
        workspaceId: ws,
        partnershipId: "p1",
        createdById: "m1",
        measure: g.measure,
        target: g.target,
      });
      await insert(pglite, "GoalCheckIn", { workspaceId: ws, goalId: g.id, cycleId: "c1", memberId: "m1", progress: g.progress });
    }

    const result = await migrate(driverForPglite(pglite), all);
    expect(result.applied).toContain(MIGRATION);

    const { rows } = await pglite.query<{
      id: string;
      measure: string;
      unit: string;
      startValue: number;
      targetValue: number;
      value: number;
    }>(
      `SELECT g.id, g.measure, g.unit, g."startValue", g."targetValue", c.value
       FROM "Goal" g JOIN "GoalCheckIn" c ON c."goalId" = g.id ORDER BY g.id`,
    );
    expect(rows.map((r) => [r.id, r.measure, r.unit, r.startValue, r.targetValue, r.value])).toEqual([
      ["g1", "Joint pipeline", "$", 0, 2_000_000, 400_000],
      ["g2", "Co-sold deals", "deals", 0, 20, 7],
      ["g3", "Win rate", "%", 0, 50, 38],
      ["g4", "Partner-sourced revenue (target: Double last year's)", "%", 0, 100, 40],
      ["g5", "Webinars (target: 0)", "%", 0, 100, 0],
    ]);
    // Every goal shows the progress it showed before.
    for (const r of rows) expect(measuredProgress(r, r.value)).toBe(old.find((g) => g.id === r.id)!.progress);
  });
});
