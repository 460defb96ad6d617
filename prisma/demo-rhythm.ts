// The demo's operating rhythm: what Northwind and its partners agreed and did between surveys.
// Globex ran a retro after each of the last two quarters, and most of what it agreed is done, so
// its scorecard shows each pillar's change beside the actions done for it; the current quarter's
// retro is left for the visitor to run. Initech has an overdue action and a goal behind schedule;
// Acme's renewal review is open; Tyrell was renewed last year. Written as the app would have
// written it, with the same action history path (createAction).
import type { ActionStatus, RetroList, Side } from "../server/db/generated/client";
import { createAction, recordActionEvent } from "../server/services/actions/record";
import { DEFAULT_GROUND_RULES } from "../server/services/retro/rules";
import { scopedTo, type Db } from "./factories";

const DAY = 86_400_000;
const day = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));

interface Person {
  id: string;
  side: Side;
}

interface Cycle {
  id: string;
  closesAt: Date;
}

interface StartItem {
  text: string;
  votes: number;
  pillarKey: string;
  owner: Person;
  // Days after the retro closed: when it was due, and when it was done (none: not yet).
  dueIn: number;
  doneIn?: number;
  status: ActionStatus;
}

interface RetroSpec {
  partnershipId: string;
  cycle: Cycle;
  facilitator: Person;
  people: Person[];
  goingWell: [string, number][];
  stopDoing: [string, number][];
  startDoing: StartItem[];
}

// An action and its history dated when it was agreed: the seed writes them today.
async function backdate(db: Db, workspaceId: string, actionId: string, at: Date) {
  await db.action.update({ where: { workspaceId_id: { workspaceId, id: actionId } }, data: { createdAt: at } });
  await db.actionEvent.updateMany({ where: { workspaceId, actionId }, data: { at } });
}

// A retro as it stands when closed: every item, the votes behind its ranking, who took part, and
// an action (with its history) for each of the top "Start doing" items.
async function seedClosedRetro(db: Db, workspaceId: string, spec: RetroSpec, now: Date) {
  const opened = new Date(spec.cycle.closesAt.getTime() + 5 * DAY);
  const closed = new Date(opened.getTime() + 2 * 3_600_000);
  const retro = await db.retro.create({
    data: {
      workspaceId,
      partnershipId: spec.partnershipId,
      cycleId: spec.cycle.id,
      facilitatorId: spec.facilitator.id,
      groundRules: DEFAULT_GROUND_RULES,
      phase: "CLOSED",
      version: 6,
      openedAt: opened,
      revealedAt: new Date(opened.getTime() + 20 * 60_000),
      votingClosedAt: new Date(opened.getTime() + 40 * 60_000),
      startVotingClosedAt: new Date(opened.getTime() + 80 * 60_000),
      closedAt: closed,
    },
  });
  await db.retroAttendee.createMany({
    data: spec.people.map((p) => ({ workspaceId, retroId: retro.id, memberId: p.id, side: p.side, joinedAt: opened })),
  });
  const addItem = async (list: RetroList, text: string, votes: number, index: number) => {
    const author = spec.people[index % spec.people.length]!;
    const item = await db.retroItem.create({
      data: { workspaceId, retroId: retro.id, list, text, authorId: author.id, createdAt: opened },
    });
    await db.retroVote.createMany({
      data: spec.people.slice(0, votes).map((p) => ({ workspaceId, retroId: retro.id, itemId: item.id, memberId: p.id, list })),
    });
    return item;
  };
  for (const [i, [text, votes]] of spec.goingWell.entries()) await addItem("GOING_WELL", text, votes, i);
  for (const [i, [text, votes]] of spec.stopDoing.entries()) await addItem("STOP_DOING", text, votes, i + 1);
  for (const [i, s] of spec.startDoing.entries()) {
    const item = await addItem("START_DOING", s.text, s.votes, i + 2);
    if (i >= 3) continue;
    const action = await createAction(scopedTo(db, workspaceId), spec.facilitator.id, {
      partnershipId: spec.partnershipId,
      title: s.text,
      pillarKey: s.pillarKey,
      cycleId: spec.cycle.id,
      retroId: retro.id,
      retroItemId: item.id,
    });
    const dueDate = day(new Date(closed.getTime() + s.dueIn * DAY));
    await db.action.update({ where: { workspaceId_id: { workspaceId, id: action.id } }, data: { ownerMemberId: s.owner.id, dueDate } });
    await recordActionEvent(scopedTo(db, workspaceId), action.id, s.owner.id, {
      owner: [null, s.owner.id],
      dueDate: [null, dueDate.toISOString().slice(0, 10)],
    });
    // Agreed at the retro, so made then, not on the day the demo is seeded.
    await backdate(db, workspaceId, action.id, closed);
    if (s.status !== "OPEN") {
      const doneAt = s.doneIn !== undefined ? new Date(Math.min(closed.getTime() + s.doneIn * DAY, now.getTime() - DAY)) : null;
      await db.action.update({ where: { workspaceId_id: { workspaceId, id: action.id } }, data: { status: s.status, doneAt, version: 3 } });
      await recordActionEvent(scopedTo(db, workspaceId), action.id, s.owner.id, { status: ["OPEN", s.status] });
      const movedAt = doneAt ?? new Date(Math.min(closed.getTime() + 7 * DAY, now.getTime() - DAY));
      await db.actionEvent.updateMany({ where: { workspaceId, actionId: action.id, at: { gt: closed } }, data: { at: movedAt } });
    } else {
      await db.action.update({ where: { workspaceId_id: { workspaceId, id: action.id } }, data: { version: 2 } });
    }
  }
}

export interface RhythmInput {
  workspaceId: string;
  now: Date;
  // Closed quarters, oldest first, then the open one.
  cycles: Cycle[];
  globex: { partnershipId: string; owner: Person; team: Person[]; contacts: Person[] };
  initech: { partnershipId: string; owner: Person; contacts: Person[] };
  acme: { partnershipId: string; renewalDate: Date };
  tyrell: { partnershipId: string; owner: Person; renewalDate: Date };
}

export async function seedRhythm(db: Db, r: RhythmInput) {
  const { workspaceId: ws, now, globex, initech } = r;
  const closed = r.cycles.slice(0, -1);
  const [twoBack, lastClosed] = [closed[closed.length - 2]!, closed[closed.length - 1]!];
  const gina = globex.contacts[0]!;
  const globexPeople = [globex.owner, ...globex.team.slice(0, 2), ...globex.contacts.slice(0, 3)];

  await seedClosedRetro(
    db,
    ws,
    {
      partnershipId: globex.partnershipId,
      cycle: twoBack,
      facilitator: globex.owner,
      people: globexPeople,
      goingWell: [
        ["Fast technical answers from the Globex solution engineers", 5],
        ["Shared deal registration portal works", 4],
        ["Marketing co-funding approved within a week", 2],
      ],
      stopDoing: [
        ["Changing territory priorities without telling the partner team", 5],
        ["Forecast requests with a day's notice", 3],
      ],
      startDoing: [
        {
          text: "Fortnightly joint pipeline review",
          votes: 5,
          pillarKey: "coordination",
          owner: globex.owner,
          dueIn: 21,
          doneIn: 14,
          status: "DONE",
        },
        {
          text: "Publish a named escalation path on both sides",
          votes: 4,
          pillarKey: "trust",
          owner: gina,
          dueIn: 30,
          doneIn: 25,
          status: "DONE",
        },
        {
          text: "Co-write the quarterly customer success story",
          votes: 3,
          pillarKey: "communication",
          owner: gina,
          dueIn: 45,
          doneIn: 60,
          status: "DONE",
        },
        { text: "Swap sales playbooks", votes: 1, pillarKey: "coordination", owner: globex.owner, dueIn: 0, status: "OPEN" },
      ],
    },
    now,
  );
  await seedClosedRetro(
    db,
    ws,
    {
      partnershipId: globex.partnershipId,
      cycle: lastClosed,
      facilitator: globex.owner,
      people: globexPeople,
      goingWell: [
        ["The fortnightly pipeline review catches stalled deals early", 6],
        ["Escalations now reach the right person the same day", 4],
        ["Joint customer story landed well with the field", 2],
      ],
      stopDoing: [
        ["Announcing pricing changes to Globex after customers hear of them", 6],
        ["Sending partner updates only by slide deck", 3],
        ["Skipping the review when the quarter gets busy", 2],
      ],
      startDoing: [
        {
          text: "Monthly roadmap briefing for the Globex alliance team",
          votes: 6,
          pillarKey: "communication",
          owner: globex.owner,
          dueIn: 20,
          doneIn: 18,
          status: "DONE",
        },
        {
          text: "Pricing changes shared with Globex two weeks ahead",
          votes: 5,
          pillarKey: "trust",
          owner: globex.owner,
          dueIn: 40,
          status: "IN_PROGRESS",
        },
        { text: "Quarterly executive sponsor check-in", votes: 3, pillarKey: "commitment", owner: gina, dueIn: 60, status: "OPEN" },
      ],
    },
    now,
  );

  // Initech: one action past its date, one coming up, and a goal that has fallen behind. Both
  // were agreed a week after the last quarter closed, weeks before either falls due.
  const agreed = new Date(lastClosed.closesAt.getTime() + 7 * DAY);
  const overdue = await createAction(scopedTo(db, ws), initech.owner.id, {
    partnershipId: initech.partnershipId,
    title: "Publish the joint reference architecture",
    pillarKey: "coordination",
    ownerMemberId: initech.owner.id,
    dueDate: day(new Date(now.getTime() - 5 * DAY)),
    cycleId: lastClosed.id,
  });
  await backdate(db, ws, overdue.id, agreed);
  await db.action.update({
    where: { workspaceId_id: { workspaceId: ws, id: overdue.id } },
    data: { status: "IN_PROGRESS", version: 2, notes: "Draft with Initech's architects." },
  });
  await recordActionEvent(scopedTo(db, ws), overdue.id, initech.owner.id, { status: ["OPEN", "IN_PROGRESS"] });
  await db.actionEvent.updateMany({
    where: { workspaceId: ws, actionId: overdue.id, at: { gt: agreed } },
    data: { at: new Date(agreed.getTime() + 9 * DAY) },
  });
  const upcoming = await createAction(scopedTo(db, ws), initech.owner.id, {
    partnershipId: initech.partnershipId,
    title: "Name a co-sell lead for each region",
    pillarKey: "commitment",
    ownerMemberId: initech.contacts[0]!.id,
    dueDate: day(new Date(now.getTime() + 10 * DAY)),
    cycleId: lastClosed.id,
  });
  await backdate(db, ws, upcoming.id, agreed);

  // Goals: Globex on track with its certification goal, behind on pipeline; Initech behind.
  const quarterAgo = day(new Date(now.getTime() - 120 * DAY));
  const goal = (
    partnershipId: string,
    g: { title: string; measure: string; unit: string; targetValue: number; months: number; host: Person; partner: Person },
  ) =>
    db.goal.create({
      data: {
        workspaceId: ws,
        partnershipId,
        title: g.title,
        measure: g.measure,
        unit: g.unit,
        targetValue: g.targetValue,
        startDate: quarterAgo,
        dueDate: day(new Date(quarterAgo.getTime() + g.months * 30 * DAY)),
        hostOwnerId: g.host.id,
        partnerOwnerId: g.partner.id,
        createdById: g.host.id,
        createdAt: quarterAgo,
      },
    });
  // `value`: what was measured, in the goal's unit.
  const checkIn = (goalId: string, cycle: Cycle, value: number, note: string, by: Person) =>
    db.goalCheckIn.create({ data: { workspaceId: ws, goalId, cycleId: cycle.id, value, note, memberId: by.id } });
  const certify = await goal(globex.partnershipId, {
    title: "Certify Globex engineers on the Northwind platform",
    measure: "Engineers holding the Northwind cloud certification",
    unit: "engineers",
    targetValue: 20,
    months: 6,
    host: globex.owner,
    partner: gina,
  });
  await checkIn(certify.id, lastClosed, 9, "The second cohort starts next month.", gina);
  await checkIn(certify.id, r.cycles[r.cycles.length - 1]!, 14, "Five more passed in the second cohort.", gina);
  const pipeline = await goal(globex.partnershipId, {
    title: "Grow co-sold pipeline",
    measure: "Joint pipeline registered through the deal portal",
    unit: "$",
    targetValue: 2_000_000,
    months: 9,
    host: globex.owner,
    partner: gina,
  });
  await checkIn(pipeline.id, lastClosed, 400_000, "Two large deals slipped a quarter.", globex.owner);
  const referrals = await goal(initech.partnershipId, {
    title: "Joint customer references",
    measure: "Customers willing to speak for the joint solution",
    unit: "references",
    targetValue: 6,
    months: 5,
    host: initech.owner,
    partner: initech.contacts[0]!,
  });
  await checkIn(referrals.id, lastClosed, 1, "One reference signed; legal review slows the rest.", initech.contacts[0]!);

  // Acme's renewal review opened when its renewal came within 60 days.
  await db.renewalReview.create({
    data: {
      workspaceId: ws,
      partnershipId: r.acme.partnershipId,
      renewalDate: r.acme.renewalDate,
      previousPhase: "ACTIVE",
      openedAt: new Date(r.acme.renewalDate.getTime() - 60 * DAY),
    },
  });
  await db.phaseChange.create({
    data: {
      workspaceId: ws,
      partnershipId: r.acme.partnershipId,
      fromPhase: "ACTIVE",
      toPhase: "RENEWAL_REVIEW",
      reason: "Renewal date within 60 days.",
      at: new Date(r.acme.renewalDate.getTime() - 60 * DAY),
    },
  });

  // Tyrell was renewed a year ago, on the strength of its scores.
  const lastYear = new Date(r.tyrell.renewalDate.getTime() - 365 * DAY);
  await db.renewalReview.create({
    data: {
      workspaceId: ws,
      partnershipId: r.tyrell.partnershipId,
      renewalDate: lastYear,
      previousPhase: "ACTIVE",
      openedAt: new Date(lastYear.getTime() - 60 * DAY),
      decision: "RENEW",
      reasons: "Healthy on every pillar for four quarters; both sides want to embed the analytics in a second product line.",
      decidedById: r.tyrell.owner.id,
      decidedAt: new Date(lastYear.getTime() - 20 * DAY),
      nextRenewalDate: r.tyrell.renewalDate,
    },
  });
  await db.phaseChange.createMany({
    data: [
      {
        workspaceId: ws,
        partnershipId: r.tyrell.partnershipId,
        fromPhase: "ACTIVE",
        toPhase: "RENEWAL_REVIEW",
        reason: "Renewal date within 60 days.",
        at: new Date(lastYear.getTime() - 60 * DAY),
      },
      {
        workspaceId: ws,
        partnershipId: r.tyrell.partnershipId,
        fromPhase: "RENEWAL_REVIEW",
        toPhase: "RENEWED",
        memberId: r.tyrell.owner.id,
        reason: "Renewed.",
        at: new Date(lastYear.getTime() - 20 * DAY),
      },
    ],
  });
}
