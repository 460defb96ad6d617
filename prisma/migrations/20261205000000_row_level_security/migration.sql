-- Row-level security: a second wall behind the scoped client's workspace filter.
--
-- The app runs as the role ph_app (NOLOGIN; the app's pool connects as the migrating user and
-- switches to it, or logs in as a role that is a member of it), which does not own the tables.
-- Every table with a "workspaceId" column gets ENABLE and FORCE ROW LEVEL SECURITY (FORCE so the
-- owner, which operator tools connect as, is held by the policy too) and one policy: a row is
-- visible and writable only when its workspace is the transaction's app.workspace_id, which the
-- scoped client sets with set_config(..., true), or when app.cross_workspace is 'on', which only
-- server/db/cross-workspace.ts sets (per transaction) and operator tools set for their session.
-- A row without a workspace (an account-level audit event) is reachable only through that path.
-- Nothing here depends on the tables' key shapes.

DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ph_app') THEN
    BEGIN
      CREATE ROLE ph_app NOLOGIN;
    EXCEPTION WHEN insufficient_privilege THEN
      RAISE EXCEPTION '%', format('Creating the role ph_app (the app''s role under row-level security) needs CREATEROLE, which %I lacks. '
        'As a superuser, run either "ALTER ROLE %I CREATEROLE;" or "CREATE ROLE ph_app NOLOGIN; GRANT ph_app TO %I;", then migrate again.',
        current_user, current_user, current_user);
    END;
  END IF;
  IF NOT pg_has_role(current_user, 'ph_app', 'MEMBER') THEN
    BEGIN
      EXECUTE format('GRANT ph_app TO %I', current_user);
    EXCEPTION WHEN insufficient_privilege THEN
      RAISE EXCEPTION '%', format('The app switches to the role ph_app (row-level security), but %I is not a member of it and may not '
        'grant it (that needs CREATEROLE). As a superuser, run "GRANT ph_app TO %I;" or "ALTER ROLE %I CREATEROLE;", then migrate again.',
        current_user, current_user, current_user);
    END;
  END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO ph_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ph_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ph_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ph_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ph_app;

-- Idempotent, so a later migration that adds a tenant table ends with `SELECT ph_tenant_isolation();`
-- (tests/integration/row-level-security.test.ts fails on a tenant table without the policy).
CREATE OR REPLACE FUNCTION ph_tenant_isolation() RETURNS void LANGUAGE plpgsql AS $fn$
DECLARE
  t record;
BEGIN
  FOR t IN
    SELECT c.relname
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'workspaceId' AND NOT a.attisdropped
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t.relname);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t.relname);
    EXECUTE format('DROP POLICY IF EXISTS tenant_isolation ON %I', t.relname);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I '
      'USING ("workspaceId" = current_setting(''app.workspace_id'', true) OR current_setting(''app.cross_workspace'', true) = ''on'') '
      'WITH CHECK ("workspaceId" = current_setting(''app.workspace_id'', true) OR current_setting(''app.cross_workspace'', true) = ''on'')',
      t.relname);
  END LOOP;
END
$fn$;

SELECT ph_tenant_isolation();
