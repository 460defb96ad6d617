// What each list is for and what each step asks of people, in the board's words.
import type { RetroList, RetroPhase } from "~/server/services/retro/rules";

export const LIST_HINT: Record<RetroList, string> = {
  GOING_WELL: "What works in the partnership and should continue.",
  STOP_DOING: "What gets in the way and should stop.",
  START_DOING: "What the two sides should begin doing together.",
};

export const PHASE_GUIDE: Record<RetroPhase, string> = {
  GATHERING:
    "Add what is going well and what to stop doing. Only you see your items until the facilitator reveals them; until then you can edit or withdraw them.",
  VOTING:
    "Vote for the items that matter most: three votes per list, one per item. You can move a vote until the facilitator closes voting.",
  PROPOSING: "The top three of each list are highlighted. Propose what to start doing; everyone sees proposals as they are added.",
  START_VOTING: "Vote for the Start doing items to act on: three votes, one per item. The top three become actions.",
  ASSIGNING:
    "Volunteer to own an action and set its by-when date. The facilitator closes the retro once every action has an owner and a date.",
  CLOSED: "The retro is closed. Its summary is below, for both sides to read and export.",
};
