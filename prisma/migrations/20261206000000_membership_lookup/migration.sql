-- The membership lookup in one statement: which workspace a person asks about, and in which role.
--
-- Every request of a signed-in person asks it first, before there is a workspace to scope to, so
-- under row-level security it crosses workspaces (server/db/cross-workspace.ts, findMembership).
-- Done by setting app.cross_workspace in a transaction of its own it costs four round trips
-- (BEGIN, the setting, the query, COMMIT); this function turns the setting on for its own query
-- and restores it before returning, so the lookup is one round trip and nothing after it crosses.
-- (A SET clause on the function would say the same more simply, but PostgreSQL lets only a
-- superuser attach a custom setting to a function, and the app's migrations run as the owner.)
-- It reads exactly what the old query read: one current membership of the user in the workspace
-- with this slug. Rows come back as JSON, so a column added to Member, User or Workspace needs
-- no new function.
CREATE OR REPLACE FUNCTION ph_membership(p_user_id text, p_slug text)
RETURNS TABLE (member jsonb, person jsonb, workspace jsonb)
LANGUAGE plpgsql
AS $fn$
DECLARE
  before text := current_setting('app.cross_workspace', true);
BEGIN
  PERFORM set_config('app.cross_workspace', 'on', true);
  RETURN QUERY
    SELECT to_jsonb(m), jsonb_build_object('id', u.id, 'email', u.email, 'name', u.name), to_jsonb(w)
    FROM "Member" m
    JOIN "Workspace" w ON w.id = m."workspaceId"
    JOIN "User" u ON u.id = m."userId"
    WHERE m."userId" = p_user_id AND m."removedAt" IS NULL AND w.slug = p_slug
    LIMIT 1;
  PERFORM set_config('app.cross_workspace', coalesce(before, ''), true);
END
$fn$;

GRANT EXECUTE ON FUNCTION ph_membership(text, text) TO PUBLIC;
