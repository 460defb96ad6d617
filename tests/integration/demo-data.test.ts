// The demo workspace reads like a real program: people's names are people's names, they joined
// before the history they answered, comments do not repeat, and actions were made before they
// fell due. Seeded once on the test database (the figures are deterministic).
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_SLUG, demoExists, seedDemo } from "../../prisma/demo";
import { balanceOf } from "../../server/services/exchange/reciprocity";
import { db } from "./helpers";

let workspaceId = "";
const now = new Date();

beforeAll(async () => {
  if (!(await demoExists(db()))) await seedDemo(db(), now);
  workspaceId = (await db().workspace.findUniqueOrThrow({ where: { slug: DEMO_SLUG } })).id;
}, 180_000);

describe("the demo workspace", () => {
  it("names contacts as people, not after their organisation, with addresses from their names", async () => {
    const contacts = await db().member.findMany({
      where: { workspaceId, role: "PARTNER" },
      select: { user: { select: { name: true, email: true } }, partnerOrg: { select: { name: true } } },
    });
    expect(contacts.length).toBeGreaterThan(40);
    expect(new Set(contacts.map((c) => c.user.name)).size).toBe(contacts.length);
    for (const c of contacts) {
      expect(c.user.name).not.toContain(c.partnerOrg!.name.split(" ")[0]!);
      expect(c.user.email).not.toMatch(/^contact\d/);
    }
  });

  it("has people join on different days, each before the first quarter they answered", async () => {
    const members = await db().member.findMany({ where: { workspaceId }, select: { id: true, createdAt: true } });
    expect(new Set(members.map((m) => m.createdAt.toISOString().slice(0, 10))).size).toBeGreaterThan(20);
    const firstAnswer = await db().response.groupBy({
      by: ["memberId"],
      where: { workspaceId },
      _min: { submittedAt: true },
    });
    const joined = new Map(members.map((m) => [m.id, m.createdAt]));
    for (const f of firstAnswer) {
      expect(joined.get(f.memberId)!.getTime()).toBeLessThan(f._min.submittedAt!.getTime());
    }
  });

  it("never shows the same comment twice on one partnership", async () => {
    const comments = await db().pillarComment.findMany({
      where: { workspaceId },
      select: { text: true, response: { select: { partnershipId: true } } },
    });
    expect(comments.length).toBeGreaterThan(50);
    const seen = new Set<string>();
    const repeated = comments.map((c) => `${c.response.partnershipId} ${c.text}`).filter((k) => seen.size === seen.add(k).size);
    expect(repeated).toEqual([]);
  });

  it("made every action before it fell due, and dated its history then", async () => {
    const actions = await db().action.findMany({
      where: { workspaceId },
      select: { title: true, createdAt: true, dueDate: true, events: { select: { at: true } } },
    });
    expect(actions.length).toBeGreaterThan(3);
    for (const a of actions) {
      if (a.dueDate) expect(a.createdAt.getTime(), a.title).toBeLessThan(a.dueDate.getTime());
      for (const e of a.events) {
        expect(e.at.getTime(), a.title).toBeGreaterThanOrEqual(a.createdAt.getTime());
        expect(e.at.getTime(), a.title).toBeLessThanOrEqual(now.getTime());
      }
    }
  });

  // The README's story: Globex gives far more than it gets, Initech's exchange is balanced.
  it("tells the value exchange's story: Globex one-sided in Northwind's favour, Initech balanced", async () => {
    const balanceOfPartnership = async (name: string) => {
      const items = await db().exchangeItem.findMany({
        where: { workspaceId, partnership: { name } },
        select: { kind: true, side: true, status: true, rating: true, createdAt: true, dueDate: true, events: true },
      });
      for (const i of items) {
        for (const e of i.events) {
          expect(e.createdAt.getTime()).toBeGreaterThanOrEqual(i.createdAt.getTime());
          expect(e.createdAt.getTime()).toBeLessThanOrEqual(now.getTime());
        }
      }
      return balanceOf(items);
    };
    const globex = await balanceOfPartnership("Globex Cloud Resale");
    expect([globex.PARTNER.asksFulfilled, globex.PARTNER.asksReceived]).toEqual([7, 9]);
    expect([globex.HOST.asksFulfilled, globex.HOST.asksReceived]).toEqual([3, 8]);
    expect(globex.index).toBe(28);
    expect(globex.oneSided).toBe(true);
    // Its owner heard of it, as the last delivery would have told them.
    const alert = await db().notification.findMany({
      where: { workspaceId, kind: "ONE_SIDED_EXCHANGE" },
      select: { title: true, member: { select: { user: { select: { email: true } } } } },
    });
    expect(alert.map((a) => [a.member.user.email, a.title])).toEqual([
      ["manager@northwind.test", "Globex Cloud Resale: the exchange has become one-sided"],
    ]);
    const initech = await balanceOfPartnership("Initech Co-Sell");
    expect(initech.index).toBe(100);
    expect(initech.oneSided).toBe(false);
  });
});
