// The phases a partnership moves through, as plain data: the services enforce them and the pages
// offer the same lists, so the two never disagree. Pure; safe in the browser.
import type { Phase } from "../../db/generated/client";

export const PHASES = ["EXPLORING", "ONBOARDING", "ACTIVE", "RENEWAL_REVIEW", "RENEWED", "EXITED"] as const satisfies readonly Phase[];

// What a partnership may return to when restored, or start in: not "in review" (that needs a
// review) and not "exited" (that is archived).
export const RESTING_PHASES = ["EXPLORING", "ONBOARDING", "ACTIVE", "RENEWED"] as const satisfies readonly Phase[];
export const isResting = (phase: Phase): phase is (typeof RESTING_PHASES)[number] => (RESTING_PHASES as readonly Phase[]).includes(phase);

export const PHASE_LABEL: Record<Phase, string> = {
  EXPLORING: "Exploring",
  ONBOARDING: "Onboarding",
  ACTIVE: "Active",
  RENEWAL_REVIEW: "Renewal review",
  RENEWED: "Renewed",
  EXITED: "Exited",
};
