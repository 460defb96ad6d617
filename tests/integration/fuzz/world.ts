// The world the fuzzer calls procedures in: buildWorld()'s workspace, plus one of every kind of
// row a procedure takes an id of (answers, a retro with items, actions, a goal, a renewal review,
// notifications, invitations, an email), written straight to the database so it does not depend
// on any procedure's name. `seeds` hands the fuzzer real values by field name.
import { createHash, randomBytes } from "node:crypto";
import { createResponses, createUser, cycleFramework, TEST_PASSWORD } from "../../../prisma/factories";
import { keyOf, buildWorld, closedQuarter, db } from "../helpers";
import type { Seeds } from "./zod-arbitrary";

const DAY_MS = 24 * 60 * 60 * 1000;
const inDays = (n: number) => new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS + n * DAY_MS);
const token = () => randomBytes(32).toString("base64url");
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

export async function fuzzWorld() {
  const w = await buildWorld();
  const d = db();
  const ws = w.workspace.id;
  const { manager, contactA } = w;
  const past = await closedQuarter(ws, "2020-Q3");
  const pillars = await cycleFramework(d, w.cycle.id);
  const statements = pillars.flatMap((p) => p.statements);
  const comments = { [pillars[0]!.key]: "Clear and candid." };
  await createResponses(d, ws, [
    { cycleId: w.cycle.id, partnershipId: w.partnershipA.id, memberId: manager.member.id, side: "HOST", answers: 4, comments },
    { cycleId: w.cycle.id, partnershipId: w.partnershipA.id, memberId: contactA.member.id, side: "PARTNER", answers: 2, comments },
    { cycleId: past.id, partnershipId: w.partnershipA.id, memberId: manager.member.id, side: "HOST", answers: 3 },
  ]);

  // A retro gathering items on A, and one assigning the actions of B's last cycle.
  const retroA = await d.retro.create({
    data: {
      workspaceId: ws,
      partnershipId: w.partnershipA.id,
      cycleId: w.cycle.id,
      facilitatorId: manager.member.id,
      groundRules: "Be kind.",
    },
  });
  const items = [
    await d.retroItem.create({
      data: { workspaceId: ws, retroId: retroA.id, list: "GOING_WELL", text: "Fast answers", authorId: manager.member.id },
    }),
    await d.retroItem.create({
      data: { workspaceId: ws, retroId: retroA.id, list: "STOP_DOING", text: "Late lists", authorId: contactA.member.id },
    }),
  ];
  const retroB = await d.retro.create({
    data: {
      workspaceId: ws,
      partnershipId: w.partnershipB.id,
      cycleId: past.id,
      facilitatorId: manager.member.id,
      groundRules: "Be specific.",
      phase: "ASSIGNING",
    },
  });
  const startItem = await d.retroItem.create({
    data: { workspaceId: ws, retroId: retroB.id, list: "START_DOING", text: "Joint forecast", authorId: manager.member.id },
  });
  items.push(startItem);
  const retroAction = await d.action.create({
    data: {
      workspaceId: ws,
      partnershipId: w.partnershipB.id,
      title: "Joint forecast",
      retroId: retroB.id,
      retroItemId: startItem.id,
      cycleId: past.id,
      createdById: manager.member.id,
    },
  });
  const action = await d.action.create({
    data: {
      workspaceId: ws,
      partnershipId: w.partnershipA.id,
      title: "Send the price list",
      ownerMemberId: contactA.member.id,
      dueDate: inDays(10),
      pillarKey: pillars[0]!.key,
      createdById: manager.member.id,
    },
  });
  const goal = await d.goal.create({
    data: {
      workspaceId: ws,
      partnershipId: w.partnershipA.id,
      title: "Joint pipeline",
      measure: "Deals registered",
      unit: "deals",
      targetValue: 20,
      startDate: inDays(-30),
      dueDate: inDays(60),
      hostOwnerId: manager.member.id,
      partnerOwnerId: contactA.member.id,
      createdById: manager.member.id,
    },
  });

  // An open ask of the company's to A, and an accepted one of A's: the exchange's moves reach
  // both sides' paths. Their ids go with the retro items' (the field is "itemId" for both).
  const exchangeItems = [];
  for (const [side, status, makerId] of [
    ["HOST", "OPEN", manager.member.id],
    ["PARTNER", "ACCEPTED", contactA.member.id],
  ] as const) {
    exchangeItems.push(
      await d.exchangeItem.create({
        data: {
          workspaceId: ws,
          partnershipId: w.partnershipA.id,
          kind: "ASK",
          side,
          status,
          makerId,
          title: "Three warm intros",
          dueDate: inDays(20),
        },
      }),
    );
  }

  // B is in its renewal review.
  const renewalDate = inDays(30);
  await d.partnership.update({ where: keyOf(w.partnershipB), data: { phase: "RENEWAL_REVIEW", renewalDate } });
  const review = await d.renewalReview.create({
    data: { workspaceId: ws, partnershipId: w.partnershipB.id, renewalDate, previousPhase: "ACTIVE", openedById: w.owner.member.id },
  });

  const notifications = [];
  for (const member of [w.owner.member, contactA.member]) {
    notifications.push(
      await d.notification.create({
        data: {
          workspaceId: ws,
          memberId: member.id,
          kind: "HEALTH_DROP",
          partnershipId: w.partnershipA.id,
          cycleId: w.cycle.id,
          title: "Health dropped",
          body: "Down 12 points.",
          link: `/w/${w.slug}/partnerships/${w.partnershipA.id}`,
          dedupeKey: `fuzz:${member.id}`,
        },
      }),
    );
  }

  // Two pending invitations whose links the fuzzer knows: a new person, and someone with an account.
  const outsider = await createUser(d);
  const tokens = [token(), token()];
  const invitations = [];
  for (const [i, email] of [`new-${ws}@example.test`, outsider.email].entries()) {
    invitations.push(
      await d.invitation.create({
        data: {
          workspaceId: ws,
          email,
          role: "MANAGER",
          tokenHash: sha256(tokens[i]!),
          expiresAt: inDays(7),
          invitedById: w.owner.member.id,
        },
      }),
    );
  }
  const email = await d.outboxEmail.create({
    data: { workspaceId: ws, kind: "ALERT", to: w.owner.user.email, subject: "Health dropped", text: "Down 12 points." },
  });

  const members = [w.owner.member, w.admin.member, manager.member, w.executive.member, contactA.member, w.contactB.member];
  const ids: Record<string, string[]> = {
    partnership: [w.partnershipA.id, w.partnershipB.id],
    cycle: [w.cycle.id, past.id],
    retro: [retroA.id, retroB.id],
    item: [...items, ...exchangeItems].map((i) => i.id),
    action: [action.id, retroAction.id],
    goal: [goal.id],
    member: members.map((m) => m.id),
    invitation: invitations.map((i) => i.id),
    notification: notifications.map((n) => n.id),
    review: [review.id],
    pillar: pillars.map((p) => p.id),
    statement: statements.map((s) => s.id),
    partnerOrg: [w.orgA.id, w.orgB.id],
    email: [email.id],
  };
  const anyId = Object.values(ids).flat();

  // Real values by field name: the ids the issue names, and a few values that reach conflicts
  // (a taken name, label or address) or the deeper paths (a valid invitation link and password).
  const byField: Record<string, readonly unknown[]> = {
    workspaceSlug: [w.slug],
    partnershipId: ids.partnership!,
    cycleId: ids.cycle!,
    retroId: ids.retro!,
    itemId: ids.item!,
    fromItemId: ids.item!,
    toItemId: ids.item!,
    actionId: ids.action!,
    goalId: ids.goal!,
    memberId: ids.member!,
    ownerMemberId: ids.member!,
    hostOwnerId: ids.member!,
    partnerOwnerId: ids.member!,
    owner: ids.member!,
    invitationId: ids.invitation!,
    notificationId: ids.notification!,
    reviewId: ids.review!,
    pillarId: ids.pillar!,
    statementId: ids.statement!,
    partnerOrgId: ids.partnerOrg!,
    cursor: anyId,
    after: [...anyId, w.partnershipA.name],
    key: [...pillars.map((p) => p.key), ...statements.map((s) => s.key)],
    pillarKey: pillars.map((p) => p.key),
    token: tokens,
    password: [TEST_PASSWORD],
    currentPassword: [TEST_PASSWORD],
    email: [manager.user.email, outsider.email, `someone-${ws}@example.test`],
    name: [w.orgA.name, w.partnershipA.name, pillars[0]!.name],
    label: [w.cycle.label, past.label],
    slug: [w.slug],
  };
  // Any other field named like an id gets every id of the world.
  const seeds: Seeds = (field) => byField[field] ?? (/Id$/.test(field) ? anyId : undefined);

  return { ...w, seeds };
}

export type FuzzWorld = Awaited<ReturnType<typeof fuzzWorld>>;
