// The workspace's audit log, for its owners and admins: a page of events with filters, the people
// it can be filtered by, and the batches of its CSV download (admin/audit/export).
import { z } from "zod";
import { AUDIT_ACTIONS, type AuditAction } from "../services/accounts/audit";
import { exportWorkspaceEvents, listAuditPeople, listWorkspaceEvents } from "../services/accounts/audit-log";
import { AUDIT_CURSOR, AUDIT_TEXT_MAX } from "../services/accounts/audit-names";
import { adminProcedure, id } from "../trpc/procedures";
import { router } from "../trpc/init";
import { dateOnly } from "./inputs";

const actions = Object.keys(AUDIT_ACTIONS) as [AuditAction, ...AuditAction[]];
const cursor = z.string().regex(AUDIT_CURSOR, "That is not a position in the audit log; go back to the first page.").optional();

const filters = {
  action: z.enum(actions, { error: "Choose one of the listed events." }).optional(),
  // A member of this workspace, current or former: the events they did or that were about them.
  memberId: id.optional(),
  from: dateOnly.optional(),
  to: dateOnly.optional(),
  text: z.string().max(AUDIT_TEXT_MAX, `Keep the search to ${AUDIT_TEXT_MAX} characters or fewer.`).optional(),
};

export const auditRouter = router({
  list: adminProcedure.input(z.object({ ...filters, cursor })).query(({ ctx, input }) => listWorkspaceEvents(ctx, input)),
  people: adminProcedure.query(({ ctx }) => listAuditPeople(ctx)),
  export: adminProcedure.input(z.object({ ...filters, after: cursor })).query(({ ctx, input }) => exportWorkspaceEvents(ctx, input)),
});
