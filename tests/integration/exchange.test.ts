// Value exchange on the real database through the tRPC caller: asks and offers between the two
// sides of a partnership, every move and its refusals, concurrent accepts, the notifications of
// each event, and the give/get balance after a sequence of deliveries.
import { describe, expect, it } from "vitest";
import { addMember } from "../../prisma/factories";
import type { DomainError } from "../../server/access/errors";
import { memberContext } from "../../server/access/member-context";
import { loadExchangeItem } from "../../server/access/work-items";
import { acceptItem } from "../../server/services/exchange/moves";
import { appDb, buildWorld, callerFor, closedQuarter, db, expectTrpcError } from "./helpers";
import { A, DAY, exchangeWorld as world, one, ymd, type Api, type World } from "./exchange-world";

const ask = (w: World, api: Api, over: Record<string, unknown> = {}) =>
  api.exchange.create({
    ...A(w),
    kind: "ASK",
    title: "Three warm intros to Nordic retailers",
    detail: "So our Q1 pipeline has named accounts.",
    counterpart: "Channel lead",
    dueDate: ymd(30),
    ...over,
  });

const status = async (id: string) => (await db().exchangeItem.findFirstOrThrow({ where: { id } })).status;

describe("making asks and offers", () => {
  it("stores an ask from either side, on the maker's side, and returns the clarity hints of a vague one", async () => {
    const w = await world();
    const clear = await ask(w, w.manager.api, { counterpartMemberId: w.contactA.member.id });
    expect(clear.hints).toEqual([]);
    const vague = await w.contactA.api.exchange.create({ ...A(w), kind: "ASK", title: "Support" });
    expect(vague.hints.map((h) => h.flag)).toEqual(["NO_PERSON", "NO_DELIVERABLE", "NO_DATE"]);
    const rows = await db().exchangeItem.findMany({ where: { workspaceId: w.workspace.id }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => [r.title, r.side, r.status, r.makerId])).toEqual([
      ["Three warm intros to Nordic retailers", "HOST", "OPEN", w.manager.member.id],
      ["Support", "PARTNER", "OPEN", w.contactA.member.id],
    ]);

    const list = await w.contactA.api.exchange.list(A(w));
    expect(list.names).toEqual({ HOST: w.workspace.name, PARTNER: w.orgA.name });
    const seen = list.items.find((i) => i.id === clear.id)!;
    expect(seen).toMatchObject({ kind: "ASK", side: "HOST", counterpartMember: { memberId: w.contactA.member.id }, hints: [] });
    expect(seen.canDo.sort()).toEqual(["accept", "clarify", "decline"]);
    expect(list.items.find((i) => i.id === vague.id)!.canDo.sort()).toEqual(["withdraw"]);
    // The people of each side, for the form's "of whom": both contacts of this organisation, none of another's.
    const partnerPeople = list.people.filter((p) => p.side === "PARTNER").map((p) => p.memberId);
    expect(partnerPeople.sort()).toEqual([w.contactA.member.id, w.colleague.member.id].sort());
    expect(list.people.some((p) => p.memberId === w.manager.member.id && p.side === "HOST")).toBe(true);
  });

  it("refuses a named person from the maker's own side, a past date, an empty title; executives write nothing", async () => {
    const w = await world();
    await expectTrpcError(ask(w, w.manager.api, { counterpartMemberId: w.manager.member.id }), "BAD_REQUEST", /contact of the partner/);
    await expectTrpcError(ask(w, w.contactA.api, { counterpartMemberId: w.colleague.member.id }), "BAD_REQUEST", /your own organisation/);
    await expectTrpcError(ask(w, w.manager.api, { counterpartMemberId: w.contactB.member.id }), "BAD_REQUEST");
    await expectTrpcError(ask(w, w.manager.api, { dueDate: ymd(-5) }), "BAD_REQUEST", /in the past/);
    await expectTrpcError(ask(w, w.manager.api, { title: " " }), "BAD_REQUEST");
    await expectTrpcError(ask(w, w.executive.api), "FORBIDDEN", /Executives can read/);
    expect(await db().exchangeItem.count({ where: { workspaceId: w.workspace.id } })).toBe(0);
  });
});

describe("the life of an ask", () => {
  it("goes open -> clarify -> open (edited) -> accepted -> delivered and rated, each move by its side", async () => {
    const w = await world();
    const { id } = await ask(w, w.manager.api);
    await w.contactA.api.exchange.clarify({ ...one(w, id), question: "Which retailers: grocery or fashion?" });
    expect(await status(id)).toBe("CLARIFY");
    await expectTrpcError(
      w.contactA.api.exchange.answer({ ...one(w, id), answer: "Grocery" }),
      "FORBIDDEN",
      new RegExp(`^Only ${w.workspace.name}'s people, who made this ask, can answer`),
    );
    await w.manager.api.exchange.answer({ ...one(w, id), answer: "Grocery", title: "Three warm intros to Nordic grocery chains" });
    expect(await db().exchangeItem.findFirstOrThrow({ where: { id } })).toMatchObject({
      status: "OPEN",
      title: "Three warm intros to Nordic grocery chains",
    });
    await w.contactA.api.exchange.accept({ ...one(w, id), note: "On it" });
    await expectTrpcError(
      w.contactA.api.exchange.deliver({ ...one(w, id), rating: 5, note: "" }),
      "FORBIDDEN",
      new RegExp(`^Only ${w.workspace.name}'s people, who made this ask, can confirm it was delivered\\.$`),
    );
    await expectTrpcError(w.manager.api.exchange.deliver({ ...one(w, id), rating: 6, note: "" }), "BAD_REQUEST", /from 1 to 5/);
    await w.manager.api.exchange.deliver({ ...one(w, id), rating: 4, note: "Two became meetings" });
    const done = await db().exchangeItem.findFirstOrThrow({ where: { id } });
    expect(done).toMatchObject({
      status: "DELIVERED",
      rating: 4,
      ratingNote: "Two became meetings",
      deliveredById: w.manager.member.id,
      responderId: w.contactA.member.id,
    });
    const moves = await db().exchangeEvent.findMany({ where: { itemId: id }, orderBy: { createdAt: "asc" } });
    expect(moves.map((m) => m.move)).toEqual(["create", "clarify", "answer", "accept", "deliver"]);

    // The page's list shows that history to the other side, oldest first, with who and the notes.
    const seen = (await w.contactA.api.exchange.list(A(w))).items.find((i) => i.id === id)!;
    expect(seen.events.map((e) => [e.move, e.status, e.by?.memberId, e.note])).toEqual([
      ["create", "OPEN", w.manager.member.id, ""],
      ["clarify", "CLARIFY", w.contactA.member.id, "Which retailers: grocery or fashion?"],
      ["answer", "OPEN", w.manager.member.id, "Grocery"],
      ["accept", "ACCEPTED", w.contactA.member.id, "On it"],
      ["deliver", "DELIVERED", w.manager.member.id, "Two became meetings"],
    ]);
  });

  it("refuses a partner contact accepting an ask made by their own side, with a sentence", async () => {
    const w = await world();
    const { id } = await ask(w, w.contactA.api);
    await expectTrpcError(
      w.colleague.api.exchange.accept({ ...one(w, id), note: "" }),
      "FORBIDDEN",
      new RegExp(`^Only ${w.workspace.name}'s people can accept an ask made by ${w.orgA.name}\\.$`),
    );
    await expectTrpcError(w.contactA.api.exchange.decline({ ...one(w, id), reason: "no" }), "FORBIDDEN", /can decline an ask/);
    expect(await status(id)).toBe("OPEN");
    // The company's side accepts it; a decline afterwards is told what happened.
    await w.manager.api.exchange.accept({ ...one(w, id), note: "" });
    await expectTrpcError(
      w.admin.api.exchange.decline({ ...one(w, id), reason: "Too late" }),
      "BAD_REQUEST",
      /^This ask was already accepted\.$/,
    );
  });

  it("has an offer confirmed delivered by the side it was offered to, not the side that made it", async () => {
    const w = await world();
    const { id } = await w.contactA.api.exchange.create({ ...A(w), kind: "OFFER", title: "Two speaker slots at our summit" });
    await w.manager.api.exchange.accept({ ...one(w, id), note: "" });
    await expectTrpcError(w.contactA.api.exchange.deliver({ ...one(w, id), rating: 5, note: "" }), "FORBIDDEN", /who received this offer/);
    await w.manager.api.exchange.deliver({ ...one(w, id), rating: 3, note: "" });
    expect(await status(id)).toBe("DELIVERED");
  });

  it("requires a reason to decline; withdraws only what nobody accepted", async () => {
    const w = await world();
    const { id } = await ask(w, w.manager.api);
    await expectTrpcError(w.contactA.api.exchange.decline({ ...one(w, id), reason: " " }), "BAD_REQUEST", /Say why you decline/);
    expect(await status(id)).toBe("OPEN");
    await w.contactA.api.exchange.decline({ ...one(w, id), reason: "No Nordic retail contacts this quarter" });
    expect(await db().exchangeItem.findFirstOrThrow({ where: { id } })).toMatchObject({
      status: "DECLINED",
      responseNote: "No Nordic retail contacts this quarter",
    });
    await expectTrpcError(w.manager.api.exchange.withdraw({ ...one(w, id), note: "" }), "BAD_REQUEST", /^This ask was declined\.$/);

    const second = await ask(w, w.manager.api);
    await expectTrpcError(w.contactA.api.exchange.withdraw({ ...one(w, second.id), note: "" }), "FORBIDDEN", /can withdraw it/);
    await w.manager.api.exchange.withdraw({ ...one(w, second.id), note: "Found another way" });
    expect(await status(second.id)).toBe("WITHDRAWN");
  });

  it("lapses an accepted item only after its date, by either side", async () => {
    const w = await world();
    const { id } = await ask(w, w.manager.api, { dueDate: ymd(3) });
    await w.contactA.api.exchange.accept({ ...one(w, id), note: "" });
    await expectTrpcError(w.contactA.api.exchange.lapse({ ...one(w, id), note: "" }), "BAD_REQUEST", /is not overdue/);
    await db().exchangeItem.updateMany({ where: { id }, data: { dueDate: new Date(`${ymd(-2)}T00:00:00Z`) } });
    await w.contactA.api.exchange.lapse({ ...one(w, id), note: "Could not get the intros" });
    expect(await status(id)).toBe("LAPSED");
    await expectTrpcError(w.manager.api.exchange.deliver({ ...one(w, id), rating: 3, note: "" }), "BAD_REQUEST", /^This ask lapsed\.$/);
  });

  it("turns an accepted ask into an action once, owned by the person who accepted it", async () => {
    const w = await world();
    const { id } = await ask(w, w.manager.api);
    await expectTrpcError(w.contactA.api.exchange.toAction(one(w, id)), "BAD_REQUEST", /has not been accepted yet/);
    await w.contactA.api.exchange.accept({ ...one(w, id), note: "" });
    const { actionId } = await w.contactA.api.exchange.toAction(one(w, id));
    const action = await db().action.findFirstOrThrow({ where: { id: actionId } });
    expect(action).toMatchObject({
      title: "Three warm intros to Nordic retailers",
      ownerMemberId: w.contactA.member.id,
      partnershipId: w.partnershipA.id,
    });
    expect(await db().exchangeItem.findFirstOrThrow({ where: { id } })).toMatchObject({ actionId, status: "ACCEPTED" });
    await expectTrpcError(w.manager.api.exchange.toAction(one(w, id)), "BAD_REQUEST", /already an action/);
    expect(await db().action.count({ where: { workspaceId: w.workspace.id } })).toBe(1);
  });
});

describe("access", () => {
  it("hides another organisation's asks, and another workspace's ids, as not found", async () => {
    const w = await world();
    const { id } = await ask(w, w.manager.api);
    await expectTrpcError(w.contactB.api.exchange.list(A(w)), "NOT_FOUND");
    await expectTrpcError(w.contactB.api.exchange.accept({ ...one(w, id), note: "" }), "NOT_FOUND", /^Ask or offer not found\.$/);
    await expectTrpcError(w.contactB.api.exchange.deliver({ ...one(w, id), rating: 4, note: "" }), "NOT_FOUND");
    const other = await buildWorld();
    await expectTrpcError(other.owner.api.exchange.accept({ workspaceSlug: other.slug, itemId: id, note: "" }), "NOT_FOUND");
    await expectTrpcError(other.owner.api.exchange.list({ workspaceSlug: other.slug, partnershipId: w.partnershipA.id }), "NOT_FOUND");
    expect(await status(id)).toBe("OPEN");
  });

  it("lets executives read the exchange and refuses every write", async () => {
    const w = await world();
    const { id } = await ask(w, w.contactA.api);
    const list = await w.executive.api.exchange.list(A(w));
    expect(list.items.map((i) => i.id)).toEqual([id]);
    expect(list.items[0]!.canDo).toEqual([]);
    await expectTrpcError(w.executive.api.exchange.accept({ ...one(w, id), note: "" }), "FORBIDDEN", /Executives can read/);
    await expectTrpcError(w.executive.api.exchange.lapse({ ...one(w, id), note: "" }), "FORBIDDEN", /Executives can read/);
    expect(await status(id)).toBe("OPEN");
  });
});

describe("concurrent accepts", () => {
  it("lets exactly one of two racing accepts win; the other is told the ask was already accepted", async () => {
    const w = await world();
    const { id } = await ask(w, w.manager.api);
    const results = await Promise.allSettled([
      w.contactA.api.exchange.accept({ ...one(w, id), note: "Mine" }),
      w.colleague.api.exchange.accept({ ...one(w, id), note: "No, mine" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    // CONFLICT when it lost the atomic change, BAD_REQUEST when it read the item after the winner
    // committed: the same sentence either way.
    expect(["CONFLICT", "BAD_REQUEST"]).toContain(lost.reason.code);
    expect(lost.reason.message).toBe("This ask was already accepted.");
    expect(await db().exchangeEvent.count({ where: { itemId: id, move: "accept" } })).toBe(1);
  });

  it("refuses the change of one who read the ask before another accepted it (the atomic guard)", async () => {
    const w = await world();
    const { id } = await ask(w, w.manager.api);
    // Both people's steps load the open ask before either accepts, as two racing requests do.
    const stepOf = async (userId: string) => {
      const ctx = (await memberContext(appDb(), userId, w.slug))!;
      return { ...ctx, ...(await loadExchangeItem(ctx, id, "accept")) };
    };
    const [first, second] = [await stepOf(w.contactA.user.id), await stepOf(w.colleague.user.id)];
    await acceptItem(first, "Mine");
    const lost = await acceptItem(second, "No, mine").then(
      () => null,
      (e: unknown) => e as DomainError,
    );
    expect(lost).toMatchObject({ code: "CONFLICT", message: "This ask was already accepted." });
    expect(await db().exchangeItem.findFirstOrThrow({ where: { id } })).toMatchObject({
      status: "ACCEPTED",
      responderId: w.contactA.member.id,
      responseNote: "Mine",
      version: 2,
    });
    expect(await db().exchangeEvent.count({ where: { itemId: id, move: "accept" } })).toBe(1);
  });
});

describe("notifications", () => {
  it("tells everyone on the partnership but the actor, once per event, in the app and by email", async () => {
    const w = await world();
    const { id } = await ask(w, w.manager.api);
    await w.contactA.api.exchange.accept({ ...one(w, id), note: "" });
    const notes = await db().notification.findMany({ where: { workspaceId: w.workspace.id, kind: "EXCHANGE" } });
    const byMember = (memberId: string) => notes.filter((n) => n.memberId === memberId).map((n) => n.title);
    // The manager owns A; both contacts of A work on it. Nobody hears of their own move.
    expect(byMember(w.manager.member.id)).toEqual([`${w.partnershipA.name}: ${w.contactA.user.name} (${w.orgA.name}) accepted the ask`]);
    expect(byMember(w.contactA.member.id)).toHaveLength(1);
    expect(byMember(w.colleague.member.id)).toHaveLength(2);
    expect(byMember(w.contactB.member.id)).toEqual([]);
    expect(byMember(w.executive.member.id)).toEqual([]);
    // Each leads to the partnership's Exchange tab, where the ask and its moves are.
    expect(new Set(notes.map((n) => n.link))).toEqual(new Set([`/w/${w.slug}/partnerships/${w.partnershipA.id}/exchange`]));
    const emails = await db().outboxEmail.findMany({ where: { workspaceId: w.workspace.id, kind: "EXCHANGE" } });
    expect(emails).toHaveLength(notes.length);
    // The partner contact reads their notice in their own list.
    const mine = await w.colleague.api.notification.list({ workspaceSlug: w.slug });
    expect(mine.items.filter((n) => n.kind === "EXCHANGE")).toHaveLength(2);
  });
});

describe("the give/get balance", () => {
  it("counts asks made and fulfilled, offers delivered, value received, and the reciprocity index", async () => {
    const w = await world();
    const deliveredAsk = async (maker: Api, giver: Api, rating: number) => {
      const { id } = await ask(w, maker);
      await giver.exchange.accept({ ...one(w, id), note: "" });
      await maker.exchange.deliver({ ...one(w, id), rating, note: "" });
    };
    // Globex (A) delivers two of the company's three asks (rated 5 and 4); the company delivers
    // one of A's two asks (rated 2) and one offer A rates 3. Company gave 2 + 3 = 5, A gave 9:
    // index = round(100 * 5 / 9) = 56.
    await deliveredAsk(w.manager.api, w.contactA.api, 5);
    await deliveredAsk(w.manager.api, w.contactA.api, 4);
    await ask(w, w.manager.api);
    await deliveredAsk(w.contactA.api, w.manager.api, 2);
    await ask(w, w.contactA.api);
    const offer = await w.manager.api.exchange.create({ ...A(w), kind: "OFFER", title: "A technical review of your connector" });
    await w.contactA.api.exchange.accept({ ...one(w, offer.id), note: "" });
    await w.contactA.api.exchange.deliver({ ...one(w, offer.id), rating: 3, note: "" });

    const { balance } = await w.contactA.api.exchange.list(A(w));
    expect(balance.year).toMatchObject({
      HOST: { asksMade: 3, asksReceived: 2, asksFulfilled: 1, offersMade: 1, offersDelivered: 1, valueReceived: 9, valueGiven: 5 },
      PARTNER: { asksMade: 2, asksReceived: 3, asksFulfilled: 2, offersMade: 0, offersDelivered: 0, valueReceived: 5, valueGiven: 9 },
      delivered: 4,
      index: 56,
      oneSided: false,
    });
    expect(balance.cycle).toMatchObject({ label: w.cycle.label, index: 56, delivered: 4 });
  });

  it("gives the balance per cycle to everyone who sees the scorecard, the working list only to its people", async () => {
    const w = await world();
    const outside = await addMember(db(), w.workspace.id, { role: "MANAGER" });
    const past = await closedQuarter(w.workspace.id, "2020-Q3");
    // An ask made during 2020-Q3 and delivered; one made in the current cycle, still open.
    const { id } = await ask(w, w.contactA.api);
    await w.manager.api.exchange.accept({ ...one(w, id), note: "" });
    await w.contactA.api.exchange.deliver({ ...one(w, id), rating: 5, note: "" });
    await db().exchangeItem.updateMany({ where: { id }, data: { createdAt: new Date(past.opensAt.getTime() + DAY) } });
    await ask(w, w.manager.api);

    const api = callerFor(outside.user.id);
    await expectTrpcError(api.exchange.list(A(w)), "FORBIDDEN");
    const balance = await api.exchange.balance(A(w));
    expect(balance.names).toEqual({ HOST: w.workspace.name, PARTNER: w.orgA.name });
    const byLabel = Object.fromEntries(balance.cycles.map((c) => [c.label, c]));
    expect(byLabel["2020-Q3"]).toMatchObject({
      index: 0,
      delivered: 1,
      PARTNER: { asksMade: 1, valueReceived: 5 },
      HOST: { valueGiven: 5 },
    });
    expect(byLabel[w.cycle.label]).toMatchObject({ index: null, delivered: 0, HOST: { asksMade: 1 } });
    expect(balance.cycle).toMatchObject({ label: w.cycle.label });
    await expectTrpcError(w.contactB.api.exchange.balance(A(w)), "NOT_FOUND");
    await expectTrpcError(w.owner.api.exchange.balance({ workspaceSlug: w.slug, partnershipId: "nope" }), "NOT_FOUND");
  });
});
