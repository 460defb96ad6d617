// A retro's "Start doing" item becomes an ask of the other side, as well as (or instead of) an
// action: the side of the person making it asks, of the other side, through the exchange's own
// making service (so it is notified, coached and counted like any ask). The ask keeps the item it
// came from (ExchangeItem.retroItemId), and an item becomes at most one ask. Once the top items
// are known: while assigning, or after the retro closed.
import type { RetroItemCtx } from "../../access/context";
import { badRequest, conflict } from "../../access/errors";
import { isUniqueViolation } from "../../db/errors";
import { createItem } from "../exchange/make";
import { otherSide } from "../exchange/life";
import { PHASE_LABEL } from "./rules";

export const ALREADY_AN_ASK = "This item is already an ask.";

export async function makeAskFromItem(ctx: RetroItemCtx, input: { dueDate: Date | null; counterpartMemberId: string | null }) {
  const { item, retro } = ctx;
  if (item.list !== "START_DOING") throw badRequest('Only a "Start doing" item can become an ask.');
  if (retro.phase !== "ASSIGNING" && retro.phase !== "CLOSED")
    throw badRequest(
      `An item becomes an ask once the top items are known, while assigning; the retro is now at: ${PHASE_LABEL[retro.phase]}.`,
    );
  if (await ctx.db.exchangeItem.findFirst({ where: { retroItemId: item.id }, select: { id: true } })) throw conflict(ALREADY_AN_ASK);
  const cycle = await ctx.db.cycle.findFirst({ where: { id: retro.cycleId }, select: { label: true } });
  const other = otherSide(ctx.work.viewer.side) === "HOST" ? ctx.workspace.name : ctx.work.partnership.partnerName;
  const title = item.text.length > 200 ? `${item.text.slice(0, 199)}…` : item.text;
  try {
    return await createItem(ctx, {
      kind: "ASK",
      title,
      detail: `From the ${cycle?.label ?? ""} retro's "Start doing" list: ${item.text}`,
      counterpart: other,
      counterpartMemberId: input.counterpartMemberId,
      dueDate: input.dueDate,
      retroItemId: item.id,
    });
  } catch (error) {
    // Two people made it an ask at once: the unique key let one through.
    if (isUniqueViolation(error)) throw conflict(ALREADY_AN_ASK);
    throw error;
  }
}
