import Link from "next/link";
import { ROLES } from "~/server/access/roles";
import { MEMBER_STATUSES } from "~/server/services/lists/members";
import { LIST_PAGE_SIZES } from "~/server/services/lists/paging";
import { Alert } from "../../../../_components/alert";
import { Button } from "../../../../_components/button";
import { Card, EmptyState, PageHeader } from "../../../../_components/card";
import { ListFilters } from "../../../../_components/list-filters";
import { Pager } from "../../../../_components/pager";
import { ROLE_LABEL } from "../../../../_lib/format";
import { ignoredNote, listHref, readChoice, readId, readPaging, type Params } from "../../../../_lib/list-params";
import { ImportExportLinks } from "../_components/import-export-links";
import { adminCall } from "../_lib/admin-call";
import { InviteForm } from "./invite-form";
import { MembersTable } from "./members-table";
import { PendingInvitations } from "./pending-invitations";

export const metadata = { title: "Members" };
export const dynamic = "force-dynamic";

const STATUS_LABEL = { active: "Members", invited: "Pending invitations" } as const;

export default async function MembersPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Params> }) {
  const { slug } = await params;
  const sp = await searchParams;
  const ignored: string[] = [];
  const { q, page, pageSize } = readPaging(sp, LIST_PAGE_SIZES, ignored);
  const role = readChoice(sp, "role", ROLES, ignored);
  const org = readId(sp, "org", ignored);
  const status = readChoice(sp, "status", MEMBER_STATUSES, ignored) ?? "active";
  const {
    workspace,
    data: [list, orgs],
  } = await adminCall(slug, (api) =>
    Promise.all([
      api.member.search({ workspaceSlug: slug, q, role, org, status, page, pageSize }),
      api.partnerOrg.choices({ workspaceSlug: slug }),
    ]),
  );
  const partnerOrgs = orgs;
  // Only owners may grant, change or remove the owner role (server/access/roles.ts).
  const isOwner = workspace.can.grantOwner;
  const row = { slug, workspaceName: workspace.name, partnerOrgs, isOwner };
  const base = `/w/${slug}/admin/members`;
  const choices = { q, role, org, status: status === "active" ? undefined : status, size: pageSize };
  const filtered = [q, role, org].some((v) => v !== undefined);
  const note = ignoredNote(ignored);
  const noun = status === "invited" ? "invitations" : "people";

  // Inviting comes first: the member lists of a large program run long.
  return (
    <>
      <PageHeader
        title="Members"
        description={`Who can use ${workspace.name}, and what each person can see and do.`}
        action={
          <div className="flex gap-2">
            <ImportExportLinks slug={slug} kind="people" what="people" />
          </div>
        }
      />
      <div className="space-y-6">
        <Card
          title="Invite someone"
          description="Invited people choose their own password when they accept. An invitation link works once and expires after 7 days."
        >
          <InviteForm slug={slug} partnerOrgs={partnerOrgs} isOwner={isOwner} />
        </Card>

        <Card
          title={STATUS_LABEL[status]}
          description={
            status === "invited"
              ? "Invitations that have not been accepted yet. Revoke one to make its link stop working."
              : `The people of ${workspace.name} and of its partner organisations. Partner contacts see only their own organisation's partnerships.`
          }
        >
          <div className="space-y-4">
            <ListFilters
              action={base}
              label="Search and filter the members"
              search={{
                label: "Search",
                value: q ?? "",
                placeholder: status === "invited" ? "An email address" : "A name or an email address",
              }}
              keep={pageSize ? { size: String(pageSize) } : {}}
              filtered={filtered || status !== "active"}
              filters={[
                {
                  name: "status",
                  label: "Status",
                  all: "Members",
                  value: status === "active" ? "" : status,
                  options: [{ value: "invited", label: "Pending invitations" }],
                },
                {
                  name: "role",
                  label: "Role",
                  all: "Every role",
                  value: role ?? "",
                  options: ROLES.map((r) => ({ value: r, label: ROLE_LABEL[r]! })),
                },
                {
                  name: "org",
                  // Not "Partner organisation": the invitation form above has a field of that name.
                  label: "Organisation",
                  all: "Any organisation",
                  value: org ?? "",
                  options: partnerOrgs.map((o) => ({ value: o.id, label: o.name })),
                },
              ]}
            />
            {note ? <Alert tone="warning">{note}</Alert> : null}
            {list.page.total === 0 ? (
              filtered ? (
                <EmptyState
                  title={status === "invited" ? "No pending invitations match" : "No members match"}
                  action={
                    <Button asChild variant="secondary">
                      <Link href={listHref(base, { status: choices.status, size: pageSize })}>Clear filters</Link>
                    </Button>
                  }
                >
                  Nothing matches {q ? `"${q}"` : "these filters"}. Try another search, or clear the filters.
                </EmptyState>
              ) : status === "invited" ? (
                <PendingInvitations slug={slug} invitations={[]} />
              ) : (
                <p className="text-sm text-slate-600">No members yet.</p>
              )
            ) : status === "invited" ? (
              <PendingInvitations slug={slug} invitations={list.invitations} />
            ) : (
              <MembersTable caption={`Members of ${workspace.name}`} members={list.members} {...row} />
            )}
            <Pager page={list.page} noun={noun} href={(n) => listHref(base, choices, n)} />
          </div>
        </Card>
      </div>
    </>
  );
}
