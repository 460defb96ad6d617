import { capabilitiesOf } from "~/server/access/roles";
import { Card, PageHeader } from "../../../../_components/card";
import { adminCall } from "../_lib/admin-call";
import { InviteForm } from "./invite-form";
import { MembersTable } from "./members-table";
import { PendingInvitations } from "./pending-invitations";

export const metadata = { title: "Members" };
export const dynamic = "force-dynamic";

export default async function MembersPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const {
    workspace,
    data: [members, invitations, orgs],
  } = await adminCall(slug, (api) =>
    Promise.all([
      api.member.list({ workspaceSlug: slug }),
      api.invitation.list({ workspaceSlug: slug }),
      api.partnerOrg.list({ workspaceSlug: slug }),
    ]),
  );
  const partnerOrgs = orgs.map((o) => ({ id: o.id, name: o.name }));
  // Only owners may grant, change or remove the owner role (server/access/roles.ts).
  const isOwner = workspace.can.grantOwner;

  const team = members.filter((m) => capabilitiesOf(m.role).seeAllPartnerships);
  const contacts = members.filter((m) => !capabilitiesOf(m.role).seeAllPartnerships);
  const row = { slug, workspaceName: workspace.name, partnerOrgs, isOwner };

  // Inviting comes first: the member lists of a large program run long.
  return (
    <>
      <PageHeader title="Members" description={`Who can use ${workspace.name}, and what each person can see and do.`} />
      <div className="space-y-6">
        <Card
          title="Invite someone"
          description="Invited people choose their own password when they accept. An invitation link works once and expires after 7 days."
        >
          <InviteForm slug={slug} partnerOrgs={partnerOrgs} isOwner={isOwner} />
        </Card>

        <Card
          title="Pending invitations"
          description="Invitations that have not been accepted yet. Revoke one to make its link stop working."
        >
          <PendingInvitations slug={slug} invitations={invitations} />
        </Card>

        <Card title="Your team" description={`${team.length} ${team.length === 1 ? "person" : "people"} of ${workspace.name}.`}>
          <MembersTable caption={`Members of ${workspace.name}`} members={team} {...row} />
        </Card>

        <Card
          title="Partner contacts"
          description={`${contacts.length} ${contacts.length === 1 ? "person" : "people"} at partner organisations. Each sees only their own organisation's partnerships.`}
        >
          {contacts.length ? (
            <MembersTable caption="Partner contacts" members={contacts} {...row} />
          ) : (
            <p className="text-sm text-slate-600">No partner contacts yet. Invite one above with the Partner contact role.</p>
          )}
        </Card>
      </div>
    </>
  );
}
