import Link from "next/link";
import { redirect } from "next/navigation";
import { Button } from "../../../_components/button";
import { Card, EmptyState, PageHeader } from "../../../_components/card";
import { call } from "../../../_lib/call";
import { date, titleCase } from "../../../_lib/format";

export const metadata = { title: "Partnerships" };
export const dynamic = "force-dynamic";

export default async function PartnershipsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const [partnerships, workspace] = await call((api) =>
    Promise.all([api.partnership.list({ workspaceSlug: slug }), api.workspace.current({ workspaceSlug: slug })]),
  );
  const partner = workspace.role === "PARTNER";
  // A partner contact with one partnership goes straight to its scorecard.
  if (partner && partnerships.length === 1) redirect(`/w/${slug}/partnerships/${partnerships[0]!.id}`);
  const isAdmin = workspace.role === "OWNER" || workspace.role === "ADMIN";

  return (
    <>
      <PageHeader
        title={partner ? "Our partnerships" : "Partnerships"}
        description={
          partner
            ? `The partnerships between ${workspace.partnerOrgName ?? "your organisation"} and ${workspace.name}.`
            : "Every partnership in the program. Open one for its scorecard."
        }
        action={
          isAdmin ? (
            <Button asChild variant="secondary">
              <Link href={`/w/${slug}/admin/partners`}>Manage partners</Link>
            </Button>
          ) : null
        }
      />
      {partnerships.length === 0 ? (
        <EmptyState title="No partnerships yet">
          {isAdmin ? (
            <>
              Add a partner organisation and its partnership under{" "}
              <Link className="font-medium text-brand-700 hover:underline" href={`/w/${slug}/admin/partners`}>
                Partners
              </Link>
              .
            </>
          ) : (
            "There are no partnerships to show yet."
          )}
        </EmptyState>
      ) : (
        <Card>
          <ul className="divide-y divide-slate-100">
            {partnerships.map((p) => (
              <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                <div>
                  <Link href={`/w/${slug}/partnerships/${p.id}`} className="font-medium text-brand-700 hover:underline">
                    {p.name}
                  </Link>
                  <p className="text-xs text-slate-500">
                    {p.partnerName} · {titleCase(p.tier)} · {titleCase(p.phase)}
                    {p.ownerName ? ` · owner ${p.ownerName}` : ""}
                  </p>
                </div>
                <p className="text-xs text-slate-500">Renewal {date(p.renewalDate)}</p>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </>
  );
}
