// What the partnerships list accepts and returns. The page reads the same names from its address,
// so a link or a reload shows the same page.
import { z } from "zod";
import { PHASES } from "../lifecycle/phase-rules";
import { pagingSchema, searchText } from "./paging";

export const LIST_TIERS = ["STRATEGIC", "CORE", "EMERGING"] as const;
export const LIST_BANDS = ["HEALTHY", "WATCH", "AT_RISK", "NONE"] as const;
export const PARTNERSHIP_SORTS = ["name", "health", "newest"] as const;
// The owner filter's value for partnerships without an owner.
export const NO_OWNER = "none";

export const partnershipSearchInput = z.object({
  // Matches the partnership's name or its partner organisation's.
  q: searchText,
  tier: z.enum(LIST_TIERS, { error: "Filter by tier: strategic, core or emerging." }).optional(),
  phase: z.enum(PHASES, { error: "Filter by a phase: exploring, onboarding, active, renewal review, renewed or exited." }).optional(),
  // A member id (the partnership's owner), or "none".
  owner: z.string().trim().min(1).max(64).optional(),
  // The current band, as the scorecard and the portfolio show it; NONE for no score that may be shown.
  band: z.enum(LIST_BANDS, { error: "Filter by band: healthy, watch, at risk or none." }).optional(),
  sort: z.enum(PARTNERSHIP_SORTS, { error: "Sort by name, health or newest." }).default("name"),
  ...pagingSchema,
});
export type PartnershipSearchInput = z.input<typeof partnershipSearchInput>;
export type PartnershipSearch = z.output<typeof partnershipSearchInput>;
