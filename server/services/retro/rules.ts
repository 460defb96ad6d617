// The retrospective's steps and what each allows, as plain data: the services enforce them and the
// pages read the same table for their labels, so the two never disagree. Pure, safe in the browser.
export const RETRO_PHASES = ["GATHERING", "VOTING", "PROPOSING", "START_VOTING", "ASSIGNING", "CLOSED"] as const;
export type RetroPhase = (typeof RETRO_PHASES)[number];

export const RETRO_LISTS = ["GOING_WELL", "STOP_DOING", "START_DOING"] as const;
export type RetroList = (typeof RETRO_LISTS)[number];

export const VOTES_PER_LIST = 3;
// How many items of each list are highlighted, and how many "Start doing" items become actions.
export const TOP_COUNT = 3;

export const LIST_LABEL: Record<RetroList, string> = {
  GOING_WELL: "Going well",
  STOP_DOING: "Stop doing",
  START_DOING: "Start doing",
};

export const PHASE_LABEL: Record<RetroPhase, string> = {
  GATHERING: "Gathering items",
  VOTING: "Voting",
  PROPOSING: "Proposing",
  START_VOTING: "Voting on Start doing",
  ASSIGNING: "Assigning actions",
  CLOSED: "Closed",
};

// The facilitator's button that leaves each phase, and what it does (shown before they confirm).
export const NEXT_STEP: Record<Exclude<RetroPhase, "CLOSED">, { label: string; confirm: string }> = {
  GATHERING: {
    label: "Reveal items",
    confirm: "Everyone will see every Going well and Stop doing item, and items can no longer be edited or withdrawn. Voting starts.",
  },
  VOTING: {
    label: "Close voting",
    confirm: "Votes can no longer be moved. The top three of each list are shown, and everyone can propose Start doing items.",
  },
  PROPOSING: {
    label: "Start voting",
    confirm: "Start doing items can no longer be added, edited or withdrawn. Everyone gets three votes on them.",
  },
  START_VOTING: {
    label: "Close voting on Start doing",
    confirm: "The top three Start doing items become actions, each waiting for someone to volunteer to own it.",
  },
  ASSIGNING: {
    label: "Close the retro",
    confirm: "The retro becomes read-only, and its summary is emailed to everyone who took part and everyone on the partnership.",
  },
};

export function nextPhase(phase: RetroPhase): RetroPhase | null {
  const i = RETRO_PHASES.indexOf(phase);
  return RETRO_PHASES[i + 1] ?? null;
}

export const phaseIndex = (phase: RetroPhase) => RETRO_PHASES.indexOf(phase);

// Items of a list are added, edited and withdrawn in one phase only: the first two lists while
// gathering (before anyone sees them), "Start doing" while proposing.
export function listOpenForItems(list: RetroList, phase: RetroPhase): boolean {
  return list === "START_DOING" ? phase === "PROPOSING" : phase === "GATHERING";
}

export function listOpenForVotes(list: RetroList, phase: RetroPhase): boolean {
  return list === "START_DOING" ? phase === "START_VOTING" : phase === "VOTING";
}

// Before the reveal, a person sees only their own Going well and Stop doing items. "Start doing"
// items are proposed in the open, so everyone sees them as they are added.
export function listRevealed(list: RetroList, phase: RetroPhase): boolean {
  return list === "START_DOING" ? phaseIndex(phase) >= phaseIndex("PROPOSING") : phaseIndex(phase) >= phaseIndex("VOTING");
}

// Vote counts stay hidden while a list is being voted on, so early votes do not sway later ones;
// they show (with the top three) once its voting closes.
export function listCounted(list: RetroList, phase: RetroPhase): boolean {
  return list === "START_DOING" ? phaseIndex(phase) >= phaseIndex("ASSIGNING") : phaseIndex(phase) >= phaseIndex("PROPOSING");
}

export function votesUsedMessage(list: RetroList): string {
  return `You have used your ${VOTES_PER_LIST} votes on ${LIST_LABEL[list]}; move one to vote here.`;
}

export const DEFAULT_GROUND_RULES = [
  "We are here to improve the partnership, not to assign blame.",
  "Both sides speak; every item counts the same, whoever wrote it.",
  "Be specific: name what happened, not who.",
  "What is said here stays between the two teams.",
  "We leave with a few actions, each with an owner and a date.",
].join("\n");
