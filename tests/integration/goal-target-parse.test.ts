// The goal-measures migration read old free-text targets with ph_goal_target_parse, on PGlite and
// PostgreSQL alike. The very function it ran must read every case as the TypeScript twin
// (server/services/goals/parse-target.ts) does, and the migrated columns must be what the
// services expect.
import { describe, expect, it } from "vitest";
import { parseTarget } from "../../server/services/goals/parse-target";
import { TARGET_CASES } from "../unit/goal-target-cases";
import { db } from "./helpers";

async function sqlParse(text: string) {
  const [row] = await db().$queryRaw<{ unit: string | null; target: number | null }[]>`SELECT * FROM ph_goal_target_parse(${text})`;
  return row!.target === null ? null : { unit: row!.unit, target: Number(row!.target) };
}

describe("the migration's target parse rules", () => {
  it.each(TARGET_CASES)("SQL reads %j as the cases say", async (text, expected) => {
    expect(await sqlParse(text)).toEqual(expected);
  });

  it("agrees with the TypeScript twin on odd inputs too", async () => {
    for (const text of ["$ 2.5 M", "12 K", "3b", "3 bn deals", "1,2,3", "15.0%", "9 joint webinars.", "  7  ", "%", "$"]) {
      expect(await sqlParse(text), text).toEqual(parseTarget(text));
    }
  });

  it("left goals with a numeric target and check-ins with a value, and no free-text target or percentage", async () => {
    const columns = await db().$queryRaw<{ table_name: string; column_name: string; data_type: string; is_nullable: string }[]>`
      SELECT table_name::text, column_name::text, data_type::text, is_nullable::text FROM information_schema.columns
      WHERE table_name IN ('Goal', 'GoalCheckIn') AND column_name IN ('target', 'progress', 'unit', 'startValue', 'targetValue', 'value')
      ORDER BY table_name, column_name`;
    expect(columns.map((c) => [c.table_name, c.column_name, c.data_type, c.is_nullable])).toEqual([
      ["Goal", "startValue", "double precision", "NO"],
      ["Goal", "targetValue", "double precision", "NO"],
      ["Goal", "unit", "text", "NO"],
      ["GoalCheckIn", "value", "double precision", "NO"],
    ]);
  });
});
