// The give/get balance where people read health, on the real database: the scorecard's value
// exchange section from each reader's side, and reciprocity beside health in the portfolio (the
// heatmap's rows and the least balanced partnerships) from one grouped read. Every figure is
// worked out by hand in the comments.
import { describe, expect, it } from "vitest";
import { addMember } from "../../prisma/factories";
import { csvHeader, csvRows } from "../../server/services/portfolio/csv";
import { buildWorld, callerFor, db, expectTrpcError } from "./helpers";

type World = Awaited<ReturnType<typeof buildWorld>>;
type Side = "HOST" | "PARTNER";

const YEAR = new Date().getUTCFullYear();

// An ask or offer as stored, made by the manager (host side) or partner contact A.
function item(
  w: World,
  partnershipId: string,
  kind: "ASK" | "OFFER",
  side: Side,
  status: "OPEN" | "ACCEPTED" | "DELIVERED",
  rating: number | null = null,
  createdAt?: Date,
) {
  return db().exchangeItem.create({
    data: {
      workspaceId: w.workspace.id,
      partnershipId,
      kind,
      side,
      status,
      rating,
      title: `${kind} of ${side}`,
      makerId: side === "HOST" ? w.manager.member.id : w.contactA.member.id,
      ...(createdAt ? { createdAt } : {}),
    },
  });
}

// Partnership A (Globex's org A) this year:
//   the company's asks, delivered by A: rated 5, 4 and 3 -> A gave 12; one more still accepted;
//   A's ask, delivered by the company, unrated -> counts 3, the company gave 3;
//   an offer of the company, open -> no value.
//   Index round(100 * 3 / 12) = 25, four deliveries: one-sided.
// Last year: an ask of A delivered by the company rated 5: outside this year's figures.
// Partnership B: nothing asked or offered.
async function seeded() {
  const w = await buildWorld();
  const a = w.partnershipA.id;
  for (const rating of [5, 4, 3]) await item(w, a, "ASK", "HOST", "DELIVERED", rating);
  await item(w, a, "ASK", "HOST", "ACCEPTED");
  await item(w, a, "ASK", "PARTNER", "DELIVERED");
  await item(w, a, "OFFER", "HOST", "OPEN");
  await item(w, a, "ASK", "PARTNER", "DELIVERED", 5, new Date(Date.UTC(YEAR - 1, 5, 1)));
  return w;
}

const input = (w: World) => ({ workspaceSlug: w.slug, partnershipId: w.partnershipA.id });

describe("the scorecard's value exchange", () => {
  it("tells the balance from the company's side to its people and executives", async () => {
    const w = await seeded();
    const outsider = await addMember(db(), w.workspace.id, { role: "MANAGER" });
    for (const api of [w.manager.api, w.executive.api, callerFor(outsider.user.id)]) {
      const x = await api.partnership.scorecardExchange(input(w));
      expect(x).toMatchObject({
        theirName: w.orgA.name,
        year: YEAR,
        empty: false,
        sentence: `${w.orgA.name} fulfilled 3 of your 4 asks this year; you fulfilled 1 of their 1.`,
        offers: `You delivered no offers; ${w.orgA.name} delivered no offers.`,
        value: `You received 12 in value; ${w.orgA.name} received 3.`,
        index: 25,
        oneSided: true,
        delivered: 4,
        meaning: `One-sided: ${w.orgA.name} gives far more than it receives.`,
        you: { asksMade: 4, asksFulfilled: 1, valueGiven: 3, valueReceived: 12 },
        them: { asksMade: 1, asksFulfilled: 3, valueGiven: 12, valueReceived: 3 },
      });
      // The current cycle's point carries this year's items made since it opened.
      expect(x.series.at(-1)).toMatchObject({
        label: w.cycle.label,
        youFulfilled: 1,
        themFulfilled: 3,
        youGave: 3,
        themGave: 12,
        index: 25,
      });
    }
  });

  it("swaps the sides for the partner contact, and hides another organisation's balance", async () => {
    const w = await seeded();
    const x = await w.contactA.api.partnership.scorecardExchange(input(w));
    expect(x).toMatchObject({
      theirName: w.workspace.name,
      sentence: `${w.workspace.name} fulfilled 1 of your 1 ask this year; you fulfilled 3 of their 4.`,
      meaning: "One-sided: you give far more than you receive.",
      you: { valueGiven: 12 },
    });
    await expectTrpcError(w.contactB.api.partnership.scorecardExchange(input(w)), "NOT_FOUND");
    const none = await w.contactB.api.partnership.scorecardExchange({ workspaceSlug: w.slug, partnershipId: w.partnershipB.id });
    expect(none).toMatchObject({ empty: true, sentence: "No asks yet this year.", index: null, series: [] });
    expect(JSON.stringify(none)).not.toContain(w.orgA.name);
  });
});

describe("reciprocity in the portfolio", () => {
  it("shows each partnership's index of the year beside health, none without exchange, and the least balanced", async () => {
    const w = await seeded();
    // Another workspace's partnership with a balanced exchange stays in its own portfolio.
    const other = await buildWorld();
    await item(other, other.partnershipA.id, "ASK", "HOST", "DELIVERED", 4);
    await item(other, other.partnershipA.id, "ASK", "PARTNER", "DELIVERED", 4);

    const p = await w.executive.api.portfolio.overview({ workspaceSlug: w.slug });
    expect(p.reciprocityYear).toBe(YEAR);
    const row = (id: string) => p.rows.find((r) => r.id === id)!;
    expect(row(w.partnershipA.id).reciprocity).toEqual({ index: 25, delivered: 4, oneSided: true });
    expect(row(w.partnershipB.id).reciprocity).toBeNull();
    expect(p.rows.map((r) => r.id).sort()).toEqual([w.partnershipA.id, w.partnershipB.id].sort());
    expect(p.insights.leastBalanced).toEqual({
      total: 1,
      items: [
        {
          id: w.partnershipA.id,
          name: w.partnershipA.name,
          partnerName: w.orgA.name,
          index: 25,
          delivered: 4,
          oneSided: true,
          given: { HOST: 3, PARTNER: 12 },
          text: `${w.workspace.name} gave 3 in value, ${w.orgA.name} 12, over 4 deliveries.`,
        },
      ],
    });

    const theirs = await other.executive.api.portfolio.overview({ workspaceSlug: other.slug });
    expect(theirs.rows.find((r) => r.id === other.partnershipA.id)!.reciprocity).toEqual({ index: 100, delivered: 2, oneSided: false });
    expect(theirs.insights.leastBalanced.items.map((i) => i.id)).toEqual([other.partnershipA.id]);
  });

  it("leaves a partnership with asks but nothing delivered out of the least balanced, with no index", async () => {
    const w = await buildWorld();
    await item(w, w.partnershipA.id, "ASK", "HOST", "ACCEPTED");
    const p = await w.manager.api.portfolio.overview({ workspaceSlug: w.slug });
    expect(p.rows.find((r) => r.id === w.partnershipA.id)!.reciprocity).toEqual({ index: null, delivered: 0, oneSided: false });
    expect(p.insights.leastBalanced).toEqual({ items: [], total: 0 });
  });

  it("adds each cycle's reciprocity index to the CSV export, where value was delivered", async () => {
    const w = await seeded();
    const batch = await w.executive.api.portfolio.export({ workspaceSlug: w.slug });
    expect(batch.partnerships.find((p) => p.name === w.partnershipA.name)!.reciprocity).toEqual([
      { label: w.cycle.label, index: 25, delivered: 4, oneSided: true },
    ]);
    expect(batch.partnerships.find((p) => p.name === w.partnershipB.name)!.reciprocity).toEqual([]);
    const lines = (csvHeader() + csvRows(batch)).trimEnd().split("\r\n");
    const rows = lines.filter((l) => l.includes("Reciprocity index"));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(
      new RegExp(`^${w.partnershipA.name},${w.orgA.name},.*,${w.cycle.label},Reciprocity index,both,25,,4 deliveries; one-sided$`),
    );
  });

  it("is no partner contact's to read", async () => {
    const w = await seeded();
    await expectTrpcError(w.contactA.api.portfolio.overview({ workspaceSlug: w.slug }), "FORBIDDEN");
  });
});
