-- CreateIndex
CREATE INDEX "AuditEvent_workspaceId_userId_createdAt_idx" ON "AuditEvent"("workspaceId", "userId", "createdAt");

-- The audit log is append-only: the row trigger of 20261203000000_accounts refuses UPDATE and
-- DELETE, and this one refuses TRUNCATE, which row triggers do not see.
CREATE TRIGGER "AuditEvent_no_truncate"
  BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_append_only"();
