// The REST API (/api/v1): one tRPC router whose procedures carry their HTTP method and path
// (trpc-to-openapi serves them and generates the OpenAPI document from their zod schemas). The one
// place the API maps to the app: each procedure is a step of the API's ladder (procedures.ts), the
// app's own input fields (server/routers), one service call, and a public shape (schemas.ts).
// Nothing here decides access or confidentiality: the steps ask server/access, and the scores come
// from the scorecard service, which applies confidentiality.ts as it does for the app.
import { z } from "zod";
import { listCycles } from "../services/cycles";
import { addAction, updateAction } from "../services/actions/edit";
import { listActions } from "../services/actions/read";
import { createGoal, updateGoal } from "../services/goals/edit";
import { listGoals } from "../services/goals/read";
import { listMembers } from "../services/members";
import { createPartnerOrg, listPartnerOrgs, updatePartnerOrg } from "../services/partner-orgs";
import { createPartnership, findPartnershipRow, listPartnerships, updatePartnership } from "../services/partnerships";
import { buildScorecard } from "../services/scorecard";
import { actionFields } from "../routers/action";
import { goalFields } from "../routers/goal";
import { partnerOrgFields } from "../routers/partner-org";
import { partnershipFields, startPhase } from "../routers/partnership";
import { router } from "../trpc/init";
import { id } from "../trpc/procedures";
import {
  apiActionProcedure,
  apiAdminProcedure,
  apiGoalProcedure,
  apiHostProcedure,
  apiPartnershipProcedure,
  apiProcedure,
  apiWorkProcedure,
} from "./procedures";
import { endpoint } from "./endpoint";
import { exchangeEndpoints } from "./exchange";
import * as out from "./schemas";
import { isoDay, isoDayOrNull, isoTime, isoTimeOrNull } from "./schemas";

const partnerOrgOut = <T extends { createdAt: Date }>(o: T) => ({ ...o, createdAt: isoTime(o.createdAt) });
const partnershipOut = <T extends { renewalDate: Date | null; archivedAt: Date | null }>(p: T) => ({
  ...p,
  renewalDate: isoDayOrNull(p.renewalDate),
  archivedAt: isoTimeOrNull(p.archivedAt),
});

const partnerOrgs = {
  listPartnerOrgs: apiHostProcedure
    .meta(endpoint("GET", "/partner-organisations", "Partner organisations", "List partner organisations"))
    .input(z.object({}))
    .output(out.partnerOrgListSchema)
    .query(async ({ ctx }) => ({ items: (await listPartnerOrgs(ctx)).map(partnerOrgOut) })),

  createPartnerOrg: apiAdminProcedure
    .meta(endpoint("POST", "/partner-organisations", "Partner organisations", "Add a partner organisation"))
    .input(z.object(partnerOrgFields))
    .output(out.partnerOrgSchema)
    .mutation(async ({ ctx, input: { name, website, region, industry } }) =>
      partnerOrgOut(await createPartnerOrg(ctx, { name, website, region, industry })),
    ),

  updatePartnerOrg: apiAdminProcedure
    .meta(
      endpoint(
        "PATCH",
        "/partner-organisations/{partnerOrgId}",
        "Partner organisations",
        "Change a partner organisation",
        "Changes only the fields given; an empty website, region or industry clears it.",
      ),
    )
    .input(
      z.object({
        partnerOrgId: id,
        name: partnerOrgFields.name.optional(),
        website: partnerOrgFields.website.optional(),
        region: partnerOrgFields.region.optional(),
        industry: partnerOrgFields.industry.optional(),
      }),
    )
    .output(out.partnerOrgSchema)
    .mutation(async ({ ctx, input: { partnerOrgId, ...fields } }) => partnerOrgOut(await updatePartnerOrg(ctx, partnerOrgId, fields))),
};

const partnerships = {
  listPartnerships: apiProcedure
    .meta(endpoint("GET", "/partnerships", "Partnerships", "List the partnerships the token may see"))
    .input(z.object({}))
    .output(out.partnershipListSchema)
    .query(async ({ ctx }) => ({ items: (await listPartnerships(ctx)).map(partnershipOut) })),

  getPartnership: apiPartnershipProcedure
    .meta(endpoint("GET", "/partnerships/{partnershipId}", "Partnerships", "Get a partnership"))
    .output(out.partnershipSchema)
    .query(async ({ ctx }) => partnershipOut(await findPartnershipRow(ctx, ctx.partnershipId))),

  createPartnership: apiAdminProcedure
    .meta(endpoint("POST", "/partnerships", "Partnerships", "Create a partnership"))
    .input(z.object({ ...partnershipFields, phase: startPhase, partnerOrgId: id }))
    .output(out.partnershipSchema)
    .mutation(async ({ ctx, input }) => {
      const created = await createPartnership(ctx, input);
      return partnershipOut(await findPartnershipRow(ctx, created.id));
    }),

  // Only the fields given change; the rest keep their values.
  updatePartnership: apiAdminProcedure
    .meta(
      endpoint(
        "PATCH",
        "/partnerships/{partnershipId}",
        "Partnerships",
        "Change a partnership",
        "Changes only the fields given. A new phase goes through the lifecycle, as in the app: Renewal review opens a review, Exited archives.",
      ),
    )
    .input(
      z.object({
        partnershipId: id,
        name: partnershipFields.name.optional(),
        ownerMemberId: partnershipFields.ownerMemberId,
        tier: partnershipFields.tier.optional(),
        phase: partnershipFields.phase.optional(),
        renewalDate: partnershipFields.renewalDate,
      }),
    )
    .output(out.partnershipSchema)
    .mutation(async ({ ctx, input }) => {
      const now = await findPartnershipRow(ctx, input.partnershipId);
      await updatePartnership(ctx, {
        partnershipId: now.id,
        name: input.name ?? now.name,
        ownerMemberId: input.ownerMemberId === undefined ? now.ownerMemberId : input.ownerMemberId,
        tier: input.tier ?? now.tier,
        phase: input.phase ?? now.phase,
        renewalDate: input.renewalDate === undefined ? now.renewalDate : input.renewalDate,
      });
      return partnershipOut(await findPartnershipRow(ctx, now.id));
    }),
};

const cycles = {
  listCycles: apiProcedure
    .meta(
      endpoint(
        "GET",
        "/cycles",
        "Cycles",
        "List survey cycles",
        "Newest first; responses are counted over the partnerships the token may see.",
      ),
    )
    .input(z.object({}))
    .output(out.cycleListSchema)
    .query(async ({ ctx }) => ({
      items: (await listCycles(ctx)).map((c) => ({
        id: c.id,
        label: c.label,
        status: c.status,
        opensAt: isoDay(c.opensAt),
        closesAt: isoDay(c.closesAt),
        frameworkVersion: c.frameworkVersion,
        responses: c.responses,
        rate: c.rate,
      })),
    })),
};

const scores = {
  getScorecard: apiPartnershipProcedure
    .meta(
      endpoint(
        "GET",
        "/partnerships/{partnershipId}/scorecard",
        "Scores",
        "A partnership's scorecard summary",
        "The health index, band and pillar scores of the latest cycle whose figures may be shown, under the workspace's confidentiality rule and, for a partner contact's token, what the workspace shares with partners.",
      ),
    )
    .output(out.scorecardSummarySchema)
    .query(async ({ ctx }) => {
      const card = await buildScorecard(ctx, ctx.partnershipId);
      return {
        partnership: { id: card.partnership.id, name: card.partnership.name, partnerName: card.partnership.partnerName },
        current: card.current && {
          cycleLabel: card.current.cycleLabel,
          cycleOpen: card.current.cycleOpen,
          health: card.current.health,
          band: card.current.band,
          change: card.current.change,
          responses: card.current.responses,
          notes: card.current.notes,
        },
        pillars: card.pillars.map((p) => ({
          key: p.key,
          name: p.name,
          score: p.score,
          band: p.band,
          change: p.change,
          host: p.host,
          partner: p.partner,
          gap: p.gap,
          gapFlagged: p.gapFlagged,
        })),
        withheld: card.withheld,
      };
    }),

  getPillarScores: apiPartnershipProcedure
    .meta(
      endpoint(
        "GET",
        "/partnerships/{partnershipId}/pillar-scores",
        "Scores",
        "A partnership's pillar scores per cycle",
        "The combined score of each pillar in every cycle whose figures may be shown, oldest first; cycles with too few responses are listed under withheld instead.",
      ),
    )
    .output(out.pillarScoresSchema)
    .query(async ({ ctx }) => {
      const card = await buildScorecard(ctx, ctx.partnershipId);
      const number = (v: string | number | null | undefined) => (typeof v === "number" ? v : null);
      return {
        partnership: { id: card.partnership.id, name: card.partnership.name, partnerName: card.partnership.partnerName },
        pillars: card.seriesKeys,
        cycles: card.series
          .filter((point) => typeof point.health === "number")
          .map((point) => ({
            cycleLabel: String(point.label),
            health: number(point.health),
            scores: card.seriesKeys.map(({ key }) => ({ pillarKey: key, score: number(point[key]) })),
          })),
        withheld: card.withheld,
      };
    }),
};

const actionOut = (a: Awaited<ReturnType<typeof listActions>>["actions"][number]) => ({
  id: a.id,
  partnershipId: a.partnershipId,
  title: a.title,
  status: a.status,
  dueDate: isoDayOrNull(a.dueDate),
  overdue: a.overdue,
  owner: a.owner && { memberId: a.owner.memberId, name: a.owner.name, side: a.owner.side },
  pillarKey: a.pillarKey,
  notes: a.notes,
  doneAt: isoTimeOrNull(a.doneAt),
  version: a.version,
  updatedAt: isoTime(a.updatedAt),
});

const actions = {
  listActions: apiWorkProcedure("read")
    .meta(
      endpoint("GET", "/partnerships/{partnershipId}/actions", "Actions", "List a partnership's actions", "Overdue first, then by date."),
    )
    .input(z.object({ filter: z.enum(["open", "done", "dropped", "all"]).default("open") }))
    .output(out.actionListSchema)
    .query(async ({ ctx, input }) => ({ items: (await listActions(ctx, input.filter)).actions.map(actionOut) })),

  createAction: apiWorkProcedure("write")
    .meta(endpoint("POST", "/partnerships/{partnershipId}/actions", "Actions", "Add an action to a partnership"))
    .input(
      z.object({
        title: actionFields.title,
        ownerMemberId: actionFields.ownerMemberId,
        dueDate: actionFields.dueDate,
        pillarKey: actionFields.pillarKey.optional(),
        notes: actionFields.notes.optional(),
      }),
    )
    .output(out.actionChangeSchema)
    .mutation(async ({ ctx, input }) => ({ ...(await addAction(ctx, input)), changed: [] })),

  updateAction: apiActionProcedure("write")
    .meta(
      endpoint(
        "PATCH",
        "/actions/{actionId}",
        "Actions",
        "Change an action",
        "Changes only the fields given, on the version the caller read: a change on an older version is refused with 409.",
      ),
    )
    .input(
      z.object({
        version: z.number().int().min(1),
        title: actionFields.title.optional(),
        ownerMemberId: actionFields.ownerMemberId.optional(),
        dueDate: actionFields.dueDate.optional(),
        pillarKey: actionFields.pillarKey.optional(),
        notes: actionFields.notes.optional(),
        status: actionFields.status.optional(),
      }),
    )
    .output(out.actionChangeSchema)
    .mutation(({ ctx, input: { version, title, ownerMemberId, dueDate, pillarKey, notes, status } }) =>
      updateAction(ctx, { version, edit: { title, ownerMemberId, dueDate, pillarKey, notes, status } }),
    ),
};

const goals = {
  listGoals: apiWorkProcedure("read")
    .meta(endpoint("GET", "/partnerships/{partnershipId}/goals", "Goals", "List a partnership's joint goals"))
    .input(z.object({}))
    .output(out.goalListSchema)
    .query(async ({ ctx }) => ({
      items: (await listGoals(ctx)).goals.map((g) => ({
        ...g.fields,
        status: g.status,
        hostOwner: g.hostOwner,
        partnerOwner: g.partnerOwner,
        latest: g.latest && { cycleLabel: g.latest.cycleLabel, value: g.latest.value, progress: g.latest.progress, note: g.latest.note },
      })),
    })),

  createGoal: apiWorkProcedure("write")
    .meta(endpoint("POST", "/partnerships/{partnershipId}/goals", "Goals", "Add a joint goal to a partnership"))
    .input(
      z.object({
        title: goalFields.title,
        measure: goalFields.measure,
        unit: goalFields.unit.default(""),
        startValue: goalFields.startValue.default(0),
        targetValue: goalFields.targetValue,
        startDate: goalFields.day.optional(),
        dueDate: goalFields.day,
        hostOwnerId: goalFields.owner.optional(),
        partnerOwnerId: goalFields.owner.optional(),
      }),
    )
    .output(out.goalChangeSchema)
    .mutation(({ ctx, input }) => createGoal(ctx, input)),

  updateGoal: apiGoalProcedure("edit")
    .meta(
      endpoint(
        "PATCH",
        "/goals/{goalId}",
        "Goals",
        "Change a joint goal",
        "Changes only the fields given, on the version the caller read: a change on an older version is refused with 409.",
      ),
    )
    .input(
      z.object({
        version: z.number().int().min(1),
        title: goalFields.title.optional(),
        measure: goalFields.measure.optional(),
        unit: goalFields.unit.optional(),
        startValue: goalFields.startValue.optional(),
        targetValue: goalFields.targetValue.optional(),
        startDate: goalFields.day.optional(),
        dueDate: goalFields.day.optional(),
        hostOwnerId: goalFields.owner.optional(),
        partnerOwnerId: goalFields.owner.optional(),
        status: goalFields.status.optional(),
      }),
    )
    .output(out.goalChangeSchema)
    .mutation(({ ctx, input: { version, ...edit } }) => updateGoal(ctx, { version, edit })),
};

const members = {
  listMembers: apiAdminProcedure
    .meta(
      endpoint(
        "GET",
        "/members",
        "Members",
        "List the workspace's members",
        "Current members, with their role and, for partner contacts, their organisation.",
      ),
    )
    .input(z.object({}))
    .output(out.memberListSchema)
    .query(async ({ ctx }) => ({
      items: (await listMembers(ctx)).map((m) => ({
        id: m.id,
        name: m.name,
        email: m.email,
        role: m.role,
        partnerOrgId: m.partnerOrgId,
        partnerOrgName: m.partnerOrgName,
        since: isoTime(m.since),
      })),
    })),
};

export const apiV1Router = router({
  ...partnerOrgs,
  ...partnerships,
  ...cycles,
  ...scores,
  ...actions,
  ...goals,
  ...exchangeEndpoints,
  ...members,
});
export type ApiV1Router = typeof apiV1Router;
