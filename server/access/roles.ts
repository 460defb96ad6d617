// The roles of DESIGN.md's table, as data: what each role may see and do. Every other decision
// (the procedure ladder, the pure decisions in decide.ts, what pages offer) reads this table, so
// a change to what a role may do is made here and nowhere else.
import type { Role, Side } from "../db/generated/client";

export type { Role, Side };

export const ROLES = ["OWNER", "ADMIN", "MANAGER", "EXECUTIVE", "PARTNER"] as const satisfies readonly Role[];

export interface Capabilities {
  // Every partnership of the workspace, their scorecards, the portfolio, cycles and the framework's
  // history. Without it a member sees only their own partner organisation's partnerships, and
  // never learns that others exist.
  seeAllPartnerships: boolean;
  // Members, invitations, partner organisations, the framework, cycles, settings, the outbox.
  administer: boolean;
  // Making someone an owner, or changing or removing an owner.
  grantOwner: boolean;
  // Being a partnership's owner: running its retros, lifecycle and who is asked about it.
  ownPartnerships: boolean;
  // Anything that writes: answering surveys, taking part in retros, owning actions and goals.
  write: boolean;
  // Standing in for any partnership's owner and people (a retro whose owner is away still runs).
  actForAnyone: boolean;
  // Reading every partnership's working papers (retros, actions, goals, renewal), not only those
  // of the partnerships one works on.
  readAllWork: boolean;
  // The renewal review and the lifecycle: the company's own deliberation.
  seeLifecycle: boolean;
}

export const CAPABILITIES: Record<Role, Capabilities> = {
  OWNER: {
    seeAllPartnerships: true,
    administer: true,
    grantOwner: true,
    ownPartnerships: true,
    write: true,
    actForAnyone: true,
    readAllWork: true,
    seeLifecycle: true,
  },
  ADMIN: {
    seeAllPartnerships: true,
    administer: true,
    grantOwner: false,
    ownPartnerships: true,
    write: true,
    actForAnyone: true,
    readAllWork: true,
    seeLifecycle: true,
  },
  MANAGER: {
    seeAllPartnerships: true,
    administer: false,
    grantOwner: false,
    ownPartnerships: true,
    write: true,
    actForAnyone: false,
    readAllWork: false,
    seeLifecycle: true,
  },
  EXECUTIVE: {
    seeAllPartnerships: true,
    administer: false,
    grantOwner: false,
    ownPartnerships: false,
    write: false,
    actForAnyone: false,
    readAllWork: true,
    seeLifecycle: true,
  },
  PARTNER: {
    seeAllPartnerships: false,
    administer: false,
    grantOwner: false,
    ownPartnerships: false,
    write: true,
    actForAnyone: false,
    readAllWork: false,
    seeLifecycle: false,
  },
};

export type Capability = keyof Capabilities;

export const capabilitiesOf = (role: Role): Capabilities => CAPABILITIES[role];

// The roles that have a capability, for database filters ("members who may own a partnership").
export const rolesWith = (capability: Capability): Role[] => ROLES.filter((r) => CAPABILITIES[r][capability]);

// The side a member speaks for: a partner contact for the partner organisation, everyone else for
// the workspace's own company.
export const sideOfRole = (role: Role): Side => (CAPABILITIES[role].seeAllPartnerships ? "HOST" : "PARTNER");

// The people who answer surveys and own work for each side: the company's own people who write
// (not executives), and the partner organisations' contacts.
export const speaksForHost = (role: Role) => CAPABILITIES[role].seeAllPartnerships && CAPABILITIES[role].write;
export const speaksForPartner = (role: Role) => !CAPABILITIES[role].seeAllPartnerships && CAPABILITIES[role].write;
