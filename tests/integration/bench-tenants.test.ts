// The many-tenants benchmark's copies: each copy of the probe workspace is a workspace of its
// own, with the probe's rows under new ids, whose scorecard reads the same figures; and they all
// go again, with the people who belonged only to them.
import { afterAll, describe, expect, it } from "vitest";
import { currentPglite } from "../../server/db/client";
import { driverForPglite, openSqlDriver, type SqlDriver } from "../../server/db/sql-driver";
import { configuredTarget } from "../../server/db/adapter";
import { PROBE, addTenantCopies, copiesCount, ensureProbe, removeTenantCopies } from "../../server/cli/bench/tenants";
import { deleteScaleWorkspace, scaleEmailDomain } from "../../server/cli/scale/generate";
import { silentProgress } from "../../server/cli/scale/progress";
import { callerFor, db } from "./helpers";

let sql: SqlDriver;
afterAll(async () => {
  await removeTenantCopies(sql, silentProgress);
  await deleteScaleWorkspace(db(), PROBE.slug);
  if (!currentPglite()) await sql.close();
});

async function rowsOf(workspaceId: string) {
  const counts: Record<string, number> = {};
  for (const table of [
    "Member",
    "Partnership",
    "Cycle",
    "CycleParticipant",
    "Response",
    "Answer",
    "PillarCycleScore",
    "StatementCycleScore",
  ]) {
    const [row] = await sql.query<{ n: string | number }>(`SELECT count(*) AS n FROM "${table}" WHERE "workspaceId" = $1`, [workspaceId]);
    counts[table] = Number(row!.n);
  }
  return counts;
}

describe("bench --tenants copies", () => {
  it("adds K workspaces like the probe, whose scorecards read the same figures, and removes them", async () => {
    const pglite = currentPglite();
    sql = pglite ? driverForPglite(pglite) : await openSqlDriver(configuredTarget());
    await ensureProbe(db(), 3);
    const probe = await db().workspace.findUniqueOrThrow({ where: { slug: PROBE.slug } });
    // Its people only: other test files add people to a shared PostgreSQL database meanwhile.
    const people = () => db().user.count({ where: { email: { endsWith: scaleEmailDomain(PROBE.slug) } } });
    const users = await people();

    await addTenantCopies(sql, probe.id, 3, silentProgress);
    expect(await copiesCount(sql)).toBe(3);
    const copy = await db().workspace.findUniqueOrThrow({ where: { slug: `${PROBE.slug}-t0002` } });
    expect(copy.id).toBe(`${probe.id}-t0002`);
    const probeRows = await rowsOf(probe.id);
    expect(probeRows.Answer).toBeGreaterThan(0);
    expect(await rowsOf(copy.id)).toEqual(probeRows);

    // The copy's owner, a person of its own, reads the copy's scorecard with the probe's figures.
    const owner = async (workspaceId: string) =>
      (await db().member.findFirstOrThrow({ where: { workspaceId, role: "OWNER" }, select: { userId: true } })).userId;
    const partnership = await db().partnership.findFirstOrThrow({
      where: { workspaceId: probe.id, phase: { not: "EXITED" } },
      orderBy: { id: "asc" },
    });
    const [a, b] = await Promise.all([
      callerFor(await owner(probe.id)).partnership.scorecard({ workspaceSlug: probe.slug, partnershipId: partnership.id }),
      callerFor(await owner(copy.id)).partnership.scorecard({ workspaceSlug: copy.slug, partnershipId: `${partnership.id}-t0002` }),
    ]);
    expect(await owner(copy.id)).not.toBe(await owner(probe.id));
    expect(b.current).toEqual(a.current);

    // Topping up to 5 adds two more; removing takes every copy and its people out.
    await addTenantCopies(sql, probe.id, 5, silentProgress);
    expect(await copiesCount(sql)).toBe(5);
    await removeTenantCopies(sql, silentProgress);
    expect(await copiesCount(sql)).toBe(0);
    expect(await people()).toBe(users);
    expect(await rowsOf(probe.id)).toEqual(probeRows);
  }, 240_000);
});
