// The world the access matrix runs in: one workspace with a person in every position the access
// rules tell apart, partnership A with everything a procedure can name (retros in three phases,
// items, retro-made actions, an action, a goal, an open renewal review, a notification,
// invitations, scored responses), partnership B of another organisation, and a second workspace.
// Every name carries the world's tag, so a leak is found by looking for the name.
import { randomUUID } from "node:crypto";
import {
  addMember,
  createCycle,
  createPartnerOrg,
  createPartnership,
  createResponses,
  createWorkspaceWithOwner,
} from "../../../prisma/factories";
import type { Actor } from "../../../server/access/context";
import type { PartnershipFacts } from "../../../server/access/decide";
import { forWorkspace } from "../../../server/db/tenant";
import { openDueRenewalReviews } from "../../../server/services/lifecycle/renewal";
import { hashToken, newToken } from "../../../server/services/accounts/tokens";
import { currentFramework } from "../../../server/services/framework";
import { closedQuarter, db, fullAnswers } from "../helpers";

const DAY_MS = 24 * 60 * 60 * 1000;
export const day = (fromToday: number) => new Date(Date.now() + fromToday * DAY_MS).toISOString().slice(0, 10);
const midnight = (fromToday: number) => new Date(`${day(fromToday)}T00:00:00.000Z`);

export const randomId = () => `c${randomUUID().replace(/-/g, "").slice(0, 24)}`;

async function person(workspaceId: string, role: "ADMIN" | "MANAGER" | "EXECUTIVE" | "PARTNER", name: string, partnerOrgId?: string) {
  const { user, member } = await addMember(db(), workspaceId, { role, partnerOrgId, user: { name } });
  return { userId: user.id, member, name, actor: { id: member.id, role: member.role, partnerOrgId: member.partnerOrgId } as Actor };
}

export type Person = Awaited<ReturnType<typeof person>>;

export async function buildMatrixWorld() {
  const d = db();
  const tag = randomUUID().slice(0, 8);
  const named = (name: string) => `${name} ${tag}`;

  const made = await createWorkspaceWithOwner(d, { name: named("Matrix Works"), owner: { name: named("Olga Owner") } });
  const workspace = made.workspace;
  const ws = workspace.id;
  const owner: Person = {
    userId: made.user.id,
    member: made.member,
    name: made.user.name,
    actor: { id: made.member.id, role: made.member.role, partnerOrgId: null },
  };
  const admin = await person(ws, "ADMIN", named("Adam Admin"));
  const managerOwner = await person(ws, "MANAGER", named("Mona Manager"));
  const teamManager = await person(ws, "MANAGER", named("Tess Teammate"));
  const otherManager = await person(ws, "MANAGER", named("Otto Outside"));
  const executive = await person(ws, "EXECUTIVE", named("Eve Executive"));
  // Changed and removed by the admin procedures; asked about A by the participant procedures.
  const spare = await person(ws, "MANAGER", named("Sam Spare"));

  const orgA = await createPartnerOrg(d, ws, { name: named("Acme Alpha") });
  const orgB = await createPartnerOrg(d, ws, { name: named("Bravo Beta") });
  const contactA = await person(ws, "PARTNER", named("Carla Alpha"), orgA.id);
  const contactA2 = await person(ws, "PARTNER", named("Cody Alpha"), orgA.id);
  const contactA3 = await person(ws, "PARTNER", named("Cleo Alpha"), orgA.id);
  const contactB = await person(ws, "PARTNER", named("Bert Bravo"), orgB.id);

  const partnershipA = await createPartnership(d, ws, {
    partnerOrgId: orgA.id,
    ownerMemberId: managerOwner.member.id,
    teamMemberIds: [teamManager.member.id],
    name: named("Alpha Alliance"),
    renewalDate: midnight(30),
  });
  const partnershipB = await createPartnership(d, ws, {
    partnerOrgId: orgB.id,
    ownerMemberId: otherManager.member.id,
    name: named("Bravo Bond"),
  });

  // Four past quarters (a retro in each), the open cycle, and a draft to open.
  const q0 = await closedQuarter(ws, "2024-Q4");
  const q1 = await closedQuarter(ws, "2025-Q1");
  const q2 = await closedQuarter(ws, "2025-Q2");
  const q3 = await closedQuarter(ws, "2025-Q3");
  const cycle = await createCycle(d, ws, { label: "Current", status: "OPEN" });
  const draft = await createCycle(d, ws, {
    label: "Next",
    status: "DRAFT",
    opensAt: midnight(120),
    closesAt: midnight(141),
  });

  // Enough answers on both sides of A in Q3 for every figure of its scorecard to show.
  const side = (people: Person[], s: "HOST" | "PARTNER", answers: number) =>
    people.map((p) => ({
      cycleId: q3.id,
      partnershipId: partnershipA.id,
      memberId: p.member.id,
      side: s,
      answers,
      comments: { trust: `Deliveries arrive on time (${s.toLowerCase()})` },
    }));
  await createResponses(d, ws, [
    ...side([owner, managerOwner, teamManager], "HOST", 4),
    ...side([contactA, contactA2, contactA3], "PARTNER", 3),
  ]);

  const retro = (cycleId: string, phase: "GATHERING" | "VOTING" | "ASSIGNING" | "CLOSED", version: number) =>
    d.retro.create({
      data: {
        workspaceId: ws,
        partnershipId: partnershipA.id,
        cycleId,
        facilitatorId: managerOwner.member.id,
        groundRules: "Be kind, be specific.",
        phase,
        version,
        revealedAt: phase === "GATHERING" ? null : new Date(),
        closedAt: phase === "CLOSED" ? new Date() : null,
      },
    });
  const item = (retroId: string, list: "GOING_WELL" | "START_DOING", text: string, author: Person) =>
    d.retroItem.create({ data: { workspaceId: ws, retroId, list, text, authorId: author.member.id } });

  // Closed: its summary.
  const closed = await retro(q0.id, "CLOSED", 6);
  await item(closed.id, "GOING_WELL", "Regular business reviews", contactA);
  // Gathering: an item of contact A's to edit and withdraw.
  const gathering = await retro(q1.id, "GATHERING", 1);
  const ownItem = await item(gathering.id, "GOING_WELL", "Quick answers from support", contactA);
  await item(gathering.id, "GOING_WELL", "Joint pipeline reviews", managerOwner);
  // Voting: two items to vote for and move a vote between.
  const voting = await retro(q2.id, "VOTING", 2);
  const voteItem = await item(voting.id, "GOING_WELL", "Shared roadmap", managerOwner);
  const otherVoteItem = await item(voting.id, "GOING_WELL", "Co-marketing budget", contactA);
  // Assigning: two actions made from its top Start doing items, one to volunteer for, one to assign.
  const assigning = await retro(q3.id, "ASSIGNING", 5);
  const retroAction = async (text: string) => {
    const from = await item(assigning.id, "START_DOING", text, contactA);
    return d.action.create({
      data: {
        workspaceId: ws,
        partnershipId: partnershipA.id,
        title: text,
        cycleId: q3.id,
        retroId: assigning.id,
        retroItemId: from.id,
        createdById: managerOwner.member.id,
      },
    });
  };
  const volunteerAction = await retroAction("Monthly joint forecast");
  const assignAction = await retroAction("Named escalation contacts");

  const action = await d.action.create({
    data: {
      workspaceId: ws,
      partnershipId: partnershipA.id,
      title: "Publish the price list a month ahead",
      ownerMemberId: contactA.member.id,
      dueDate: midnight(30),
      createdById: managerOwner.member.id,
    },
  });
  const goal = await d.goal.create({
    data: {
      workspaceId: ws,
      partnershipId: partnershipA.id,
      title: "Ten joint deals",
      measure: "Deals closed together",
      unit: "deals",
      targetValue: 10,
      startDate: midnight(-30),
      dueDate: midnight(150),
      hostOwnerId: managerOwner.member.id,
      partnerOwnerId: contactA.member.id,
      createdById: managerOwner.member.id,
    },
  });

  // Asks of the company's to A: an open one (accept, decline, clarify, withdraw), one waiting for
  // an answer to a question, and an accepted one whose date has passed (deliver, lapse, action).
  const exchangeAsk = (status: "OPEN" | "CLARIFY" | "ACCEPTED", dueIn: number) =>
    d.exchangeItem.create({
      data: {
        workspaceId: ws,
        partnershipId: partnershipA.id,
        kind: "ASK",
        side: "HOST",
        title: `Three warm intros (${status.toLowerCase()})`,
        counterpart: "Channel lead",
        dueDate: midnight(dueIn),
        status,
        makerId: managerOwner.member.id,
        responderId: status === "OPEN" ? null : contactA.member.id,
      },
    });
  const exchange = {
    open: await exchangeAsk("OPEN", 30),
    clarify: await exchangeAsk("CLARIFY", 30),
    accepted: await exchangeAsk("ACCEPTED", -2),
  };

  // A's renewal review, opened as the job opens it: its owner gets a notification (and an email).
  await openDueRenewalReviews(forWorkspace(d, ws));
  const review = await d.renewalReview.findFirstOrThrow({ where: { workspaceId: ws, partnershipId: partnershipA.id } });
  const notification = await d.notification.findFirstOrThrow({ where: { workspaceId: ws, memberId: managerOwner.member.id } });

  const invitation = (email: string, token: string) =>
    d.invitation.create({
      data: {
        workspaceId: ws,
        email,
        role: "EXECUTIVE",
        tokenHash: hashToken(token),
        expiresAt: new Date(Date.now() + 7 * DAY_MS),
        invitedById: owner.member.id,
      },
    });
  const pending = await invitation(`pending-${tag}@example.test`, newToken());
  const inviteToken = newToken();
  await invitation(`invitee-${tag}@example.test`, inviteToken);

  // Another workspace, whose owner knows this one's slug and ids.
  const elsewhere = await createWorkspaceWithOwner(d, {
    name: `Elsewhere Ltd ${randomUUID().slice(0, 8)}`,
    owner: { name: `Wanda Elsewhere ${randomUUID().slice(0, 8)}` },
  });
  const stranger: Person = {
    userId: elsewhere.user.id,
    member: elsewhere.member,
    name: elsewhere.user.name,
    actor: { id: elsewhere.member.id, role: elsewhere.member.role, partnerOrgId: null },
  };

  // The framework as its editor would send it back with one description changed, and a complete
  // set of answers for the open cycle's survey.
  const framework = await currentFramework(forWorkspace(d, ws));
  if (!framework) throw new Error("The workspace has no framework.");
  const frameworkEdit = {
    baseVersion: framework.version,
    pillars: framework.pillars.map((p, i) => ({
      key: p.key,
      name: p.name,
      description: i === 0 ? `${p.description} (edited)` : p.description,
      weight: p.weight,
      statements: p.statements.map((st) => ({ key: st.key, text: st.text })),
    })),
  };
  const answers = await fullAnswers(cycle.id, 4);

  const factsA: PartnershipFacts & { name: string } = {
    name: partnershipA.name,
    partnerOrgId: orgA.id,
    ownerMemberId: managerOwner.member.id,
    teamMemberIds: [teamManager.member.id],
    archived: false,
  };

  return {
    tag,
    workspace,
    slug: workspace.slug,
    people: { owner, admin, managerOwner, teamManager, otherManager, executive, spare, contactA, contactA2, contactA3, contactB },
    orgA,
    orgB,
    partnershipA,
    partnershipB,
    factsA,
    cycles: { q0, q1, q2, q3, current: cycle, draft },
    retros: { closed, gathering, voting, assigning },
    items: { ownItem, voteItem, otherVoteItem },
    actions: { action, volunteerAction, assignAction },
    goal,
    exchange,
    review,
    frameworkEdit,
    answers,
    notification,
    invitations: { pending, inviteToken },
    elsewhere: { workspace: elsewhere.workspace, slug: elsewhere.workspace.slug, owner: stranger },
  };
}

export type MatrixWorld = Awaited<ReturnType<typeof buildMatrixWorld>>;
