import { Card, PageHeader } from "../../../../../_components/card";
import { call } from "../../../../../_lib/call";
import { ROLE_LABEL } from "../../../../../_lib/format";
import { TeamEditor } from "./team-editor";

export const metadata = { title: "Host team" };
export const dynamic = "force-dynamic";

// The company's people on a partnership: its owner and host team, who answer its surveys and work
// on it. Its owner or an admin changes the team; everyone else of the company sees it.
export default async function TeamPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const team = await call((api) => api.team.list({ workspaceSlug: slug, partnershipId: id }));
  return (
    <>
      <PageHeader
        title={`${team.partnership.name}: host team`}
        description="Your organisation's people who work on this partnership besides its owner. They answer its surveys (from the open cycles on, as soon as they join), take part in its retros and can own its actions and goals."
      />
      <Card title="Owner">
        <p className="text-sm text-slate-700">
          {team.owner ? team.owner.name : "No owner yet: an admin chooses one in the partnership's settings (Partnerships, Edit)."}
        </p>
      </Card>
      <Card title="Team" className="mt-6">
        <TeamEditor
          slug={slug}
          partnershipId={team.partnership.id}
          members={team.members.map((m) => ({ ...m, roleLabel: ROLE_LABEL[m.role] ?? m.role }))}
          candidates={team.candidates.map((m) => ({ ...m, roleLabel: ROLE_LABEL[m.role] ?? m.role }))}
          mayEdit={team.mayEdit}
          refusal={team.refusal}
        />
      </Card>
    </>
  );
}
