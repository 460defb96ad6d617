// The value-exchange retrospective: one per partnership and cycle, run by both sides together.
export { openRetro, defaultRetroCycle } from "./open";
export { advanceRetro } from "./phases";
export { addItem, editItem, withdrawItem } from "./items";
export { vote, unvote, moveVote } from "./votes";
export { volunteer, assignAction } from "./assign";
export { retroView, retroSummary, listRetros, retroLinksFor, type RetroView } from "./view";
