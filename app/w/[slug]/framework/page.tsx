import { Card, EmptyState, PageHeader } from "../../../_components/card";
import { call } from "../../../_lib/call";

export const metadata = { title: "Framework" };
export const dynamic = "force-dynamic";

export default async function FrameworkPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const framework = await call((api) => api.framework.current({ workspaceSlug: slug }));
  if (!framework) return <EmptyState title="No framework yet" />;
  return (
    <>
      <PageHeader
        title="The partnership framework"
        description={`Version ${framework.version}. A partnership is healthy when these four pillars hold. Each statement is answered on a 1–5 agreement scale, with "Don't know" left out of every score. Every cycle keeps the version it ran with, so past scores never change.`}
      />
      <div className="grid gap-4 lg:grid-cols-2">
        {framework.pillars.map((p) => (
          <Card key={p.id} title={p.name} description={p.description}>
            <ol className="list-decimal space-y-1 pl-5 text-sm text-slate-700">
              {p.statements.map((s) => (
                <li key={s.id}>{s.text}</li>
              ))}
            </ol>
            <p className="mt-3 text-xs text-slate-500">Weight {p.weight}</p>
          </Card>
        ))}
      </div>
    </>
  );
}
