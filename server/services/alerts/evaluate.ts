// Evaluating a closed cycle's alerts and delivering them: for every live partnership scored in
// the cycle, compare its stored aggregates with those of its previous showable cycle (detect.ts)
// and tell its owner, or the admins when it has none, in the app and by email, once per event.
//
// Run after a cycle closes (cycle-lifecycle.ts marks it due; due.ts evaluates it once, from the
// job queue), so a cycle is never closed without its alerts. Not on submit: while a
// cycle is open its figures move with every response, and an alert on a half-filled cycle would
// cry wolf; the closed cycle is the result people act on. Closing again after a reopen evaluates
// again, and the dedupe keys turn events already told into no-ops.
import type { Side } from "../../db/generated/client";
import type { TenantClient } from "../../db/tenant";
import { cycleShown, privacyOf } from "../confidentiality";
import type { StoredTotal } from "../cycle-scores";
import { alertEmail, alertNotice } from "../email/alert";
import { notifyOnce, partnershipRecipients, type Notice } from "../notifications";
import { postChat } from "../chat/outbox";
import { alertsPost, type AlertedPartnership } from "../chat/events";
import { band } from "../scoring";
import { emitWebhookEvent } from "../webhooks/emit";
import { cycleRef, partnershipRef } from "../webhooks/refs";
import { dedupeKey, detectAlerts, type Alert, type CycleFigures } from "./detect";

const NOTIFICATION_KIND = { HEALTH_DROP: "HEALTH_DROP", PILLAR_AT_RISK: "PILLAR_AT_RISK", PERCEPTION_GAP: "PERCEPTION_GAP" } as const;

export const scorecardPath = (slug: string, partnershipId: string) => `/w/${slug}/partnerships/${partnershipId}`;

// Returns how many notifications were new.
export async function evaluateCycleAlerts(db: TenantClient, cycleId: string): Promise<number> {
  const [workspace, cycle] = await Promise.all([
    db.workspace.findUniqueOrThrow({
      where: { id: db.$workspaceId },
      select: { slug: true, name: true, confidentialityThreshold: true, surveyMode: true },
    }),
    db.cycle.findFirstOrThrow({ where: { id: cycleId }, select: { id: true, label: true, opensAt: true } }),
  ]);
  const current = await db.partnershipCycleScore.findMany({
    where: { cycleId, health: { not: null }, partnership: { archivedAt: null, phase: { not: "EXITED" } } },
    include: { partnership: { select: { id: true, name: true, ownerMemberId: true, partnerOrg: { select: { name: true } } } } },
  });
  if (current.length === 0) return 0;
  const ids = current.map((c) => c.partnershipId);

  // Each partnership's previous scored cycle: its latest earlier cycle whose health index may be
  // shown (confidentiality.ts); one with too few responses is skipped, as the trend skips it.
  const rule = privacyOf(workspace);
  const earlier = await db.partnershipCycleScore.findMany({
    where: {
      partnershipId: { in: ids },
      health: { not: null },
      cycle: { status: { in: ["OPEN", "CLOSED"] }, opensAt: { lt: cycle.opensAt } },
    },
    include: { cycle: { select: { label: true, opensAt: true } } },
  });
  const previous = new Map<string, (typeof earlier)[number]>();
  for (const e of earlier) {
    if (!cycleShown({ HOST: e.hostScored, PARTNER: e.partnerScored }, rule)) continue;
    const best = previous.get(e.partnershipId);
    if (!best || e.cycle.opensAt > best.cycle.opensAt) previous.set(e.partnershipId, e);
  }

  const cycleIds = [cycleId, ...new Set([...previous.values()].map((p) => p.cycleId))];
  const pillars = await db.pillarCycleScore.findMany({
    where: { partnershipId: { in: ids }, cycleId: { in: cycleIds } },
    include: { pillar: { select: { name: true, position: true } } },
    orderBy: { pillar: { position: "asc" } },
  });
  const figures = (row: StoredTotal, label: string): CycleFigures => ({
    cycleId: row.cycleId,
    cycleLabel: label,
    health: row.health,
    responses: { HOST: row.hostResponses, PARTNER: row.partnerResponses } satisfies Record<Side, number>,
    scored: { HOST: row.hostScored, PARTNER: row.partnerScored },
    pillars: pillars
      .filter((p) => p.partnershipId === row.partnershipId && p.cycleId === row.cycleId)
      .map((p) => ({
        key: p.pillarKey,
        name: p.pillar.name,
        host: p.host,
        partner: p.partner,
        combined: p.combined,
        scored: { HOST: p.hostScored, PARTNER: p.partnerScored },
      })),
  });

  let created = 0;
  // For the channel: each partnership's alerts that were news to someone (a reopened and closed
  // again cycle tells nobody anything new, and posts nothing).
  const chat: AlertedPartnership[] = [];
  for (const row of current) {
    const before = previous.get(row.partnershipId);
    const alerts = detectAlerts(figures(row, cycle.label), before ? figures(before, before.cycle.label) : null, rule);
    if (alerts.length === 0) continue;
    const p = row.partnership;
    const path = scorecardPath(workspace.slug, p.id);
    const context = {
      partnershipName: p.name,
      partnerName: p.partnerOrg.name,
      cycleLabel: cycle.label,
      previousLabel: before?.cycle.label ?? null,
    };
    const notices: Notice[] = alerts.map((a) => ({
      kind: NOTIFICATION_KIND[a.kind],
      partnershipId: p.id,
      cycleId,
      ...alertNotice(context, a),
      link: path,
      dedupeKey: dedupeKey(p.id, cycleId, a),
    }));
    // The alerts that were news to someone (each notice's dedupe key).
    const told = new Set<string>();
    for (const r of await partnershipRecipients(db, p.ownerMemberId)) {
      const fresh = await notifyOnce(db, r, notices, (news) =>
        alertEmail({
          workspaceName: workspace.name,
          partnershipName: p.name,
          cycleLabel: cycle.label,
          recipientName: r.name,
          path,
          notices: news,
        }),
      );
      created += fresh.length;
      for (const n of fresh) told.add(n.dedupeKey);
    }
    // An event once, the first time anyone is told of it (a close after a reopen repeats nothing).
    for (const [i, a] of alerts.entries()) {
      if (!told.has(notices[i]!.dedupeKey)) continue;
      await emitWebhookEvent(db, "alert.raised", async (s) => ({
        alert: alertData(a, notices[i]!.title),
        partnership: await partnershipRef(db, s, p.id),
        cycle: cycleRef(s, { id: cycle.id, label: cycle.label }),
      }));
    }
    chat.push({
      id: p.id,
      name: p.name,
      partnerName: p.partnerOrg.name,
      health: row.health,
      notices: notices.filter((n) => told.has(n.dedupeKey)),
    });
  }
  await postChat(db, alertsPost({ slug: workspace.slug, cycleLabel: cycle.label, partnerships: chat }));
  return created;
}

// What a webhook says of an alert: the combined figures the scorecard may show, and a gap's size
// without either side's score.
const round1 = (v: number) => Math.round(v * 10) / 10;

function alertData(a: Alert, title: string) {
  switch (a.kind) {
    case "HEALTH_DROP":
      return { kind: a.kind, title, from: round1(a.from), to: round1(a.to), drop: round1(a.drop), band: band(a.to) };
    case "PILLAR_AT_RISK":
      return { kind: a.kind, title, pillar: { key: a.pillarKey, name: a.pillarName }, score: round1(a.score), band: band(a.score) };
    case "PERCEPTION_GAP":
      return { kind: a.kind, title, pillar: { key: a.pillarKey, name: a.pillarName }, gap: round1(a.gap) };
  }
}
