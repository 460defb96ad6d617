import { Card, EmptyState, PageHeader } from "../../../_components/card";
import { Table } from "../../../_components/table";
import { call } from "../../../_lib/call";
import { date } from "../../../_lib/format";
import { FrameworkEditor } from "./framework-editor";

export const metadata = { title: "Framework" };
export const dynamic = "force-dynamic";

const STATUS = { DRAFT: "draft", OPEN: "open", CLOSED: "closed" } as const;

export default async function FrameworkPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const [framework, workspace] = await call((api) =>
    Promise.all([api.framework.current({ workspaceSlug: slug }), api.workspace.current({ workspaceSlug: slug })]),
  );
  if (!framework) return <EmptyState title="No framework yet" />;
  const isAdmin = workspace.can.administer;
  // Partner contacts see the statements they answer, not the program's cycle history.
  const versions = !workspace.can.seeAllPartnerships ? null : await call((api) => api.framework.versions({ workspaceSlug: slug }));
  const totalWeight = framework.pillars.reduce((sum, p) => sum + p.weight, 0);

  const view = (
    <div className="grid gap-4 lg:grid-cols-2">
      {framework.pillars.map((p) => (
        <Card key={p.id} title={p.name} description={p.description}>
          <ol className="list-decimal space-y-1 pl-5 text-sm text-slate-700">
            {p.statements.map((s) => (
              <li key={s.id}>{s.text}</li>
            ))}
          </ol>
          <p className="mt-3 text-xs text-slate-500">
            Weight {p.weight} ({Math.round((p.weight / totalWeight) * 100)}% of the health index)
          </p>
        </Card>
      ))}
    </div>
  );

  return (
    <>
      <PageHeader
        title="The partnership framework"
        description={`Version ${framework.version}. A partnership is healthy when these ${framework.pillars.length} pillars hold. Each statement is answered on a 1–5 agreement scale, with "Don't know" left out of every score. Every cycle keeps the version it ran with, so past scores never change.`}
      />
      <div className="space-y-6">
        {isAdmin ? (
          <FrameworkEditor
            slug={slug}
            framework={{
              version: framework.version,
              pillars: framework.pillars.map((p) => ({
                key: p.key,
                name: p.name,
                description: p.description,
                weight: p.weight,
                statements: p.statements.map((s) => ({ key: s.key, text: s.text })),
              })),
            }}
          >
            {view}
          </FrameworkEditor>
        ) : (
          view
        )}

        {versions ? (
          <Card title="Versions" description="Every edit creates a new version. A cycle runs with one version, frozen when it opens.">
            <Table
              caption="Framework versions"
              columns={[
                { label: "Version" },
                { label: "Created" },
                { label: "Pillars", align: "right" },
                { label: "Statements", align: "right" },
                { label: "Used by" },
              ]}
            >
              {versions.map((v) => (
                <tr key={v.id} className="align-top">
                  <td className="whitespace-nowrap font-medium text-slate-900">
                    Version {v.version}
                    {v.current ? <span className="ml-2 text-xs font-normal text-slate-500">(current)</span> : null}
                  </td>
                  <td className="whitespace-nowrap">{date(v.createdAt)}</td>
                  <td className="text-right tabular-nums">{v.pillars}</td>
                  <td className="text-right tabular-nums">{v.statements}</td>
                  <td>
                    {v.cycles.length === 0
                      ? "No cycles"
                      : v.cycles.map((c, i) => (
                          <span key={c.id}>
                            {i > 0 ? ", " : null}
                            {c.label} <span className="text-slate-500">({STATUS[c.status]})</span>
                          </span>
                        ))}
                  </td>
                </tr>
              ))}
            </Table>
          </Card>
        ) : null}
      </div>
    </>
  );
}
