// Who made a workspace change and from where, as the audit log records them: the signed-in member
// and the request's client address, both from the context the procedure ladder built (a service
// reads them from its context, never from the transport).
export interface AuditSource {
  user: { id: string };
  address?: string | null;
}

export const auditSource = (ctx: AuditSource) => ({ actorUserId: ctx.user.id, address: ctx.address ?? null });
