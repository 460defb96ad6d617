import Link from "next/link";
import { redirect } from "next/navigation";
import { Button } from "../../../_components/button";
import { Card, EmptyState, PageHeader } from "../../../_components/card";
import { call } from "../../../_lib/call";
import { date, titleCase } from "../../../_lib/format";
import type { RouterOutputs } from "~/server/trpc/types";

export const metadata = { title: "Partnerships" };
export const dynamic = "force-dynamic";

type Partnership = RouterOutputs["partnership"]["list"][number];

function PartnershipList({ slug, partnerships, bare }: { slug: string; partnerships: Partnership[]; bare?: boolean }) {
  const list = (
    <ul className="divide-y divide-slate-100">
      {partnerships.map((p) => (
        <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
          <div>
            <Link href={`/w/${slug}/partnerships/${p.id}`} className="font-medium text-brand-700 hover:underline">
              {p.name}
            </Link>
            <p className="text-xs text-slate-500">
              {p.partnerName} · {titleCase(p.tier)} · {p.archivedAt ? `Exited, archived ${date(p.archivedAt)}` : titleCase(p.phase)}
              {p.ownerName ? ` · owner ${p.ownerName}` : ""}
            </p>
          </div>
          {p.archivedAt ? null : <p className="text-xs text-slate-500">Renewal {date(p.renewalDate)}</p>}
        </li>
      ))}
    </ul>
  );
  return bare ? list : <Card>{list}</Card>;
}

export default async function PartnershipsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const [partnerships, workspace] = await call((api) =>
    Promise.all([api.partnership.list({ workspaceSlug: slug }), api.workspace.current({ workspaceSlug: slug })]),
  );
  const partner = !workspace.can.seeAllPartnerships;
  // A partner contact with one partnership goes straight to its scorecard.
  if (partner && partnerships.length === 1) redirect(`/w/${slug}/partnerships/${partnerships[0]!.id}`);
  const isAdmin = workspace.can.administer;
  const live = partnerships.filter((p) => !p.archivedAt);
  const archived = partnerships.filter((p) => p.archivedAt);

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
        <div className="space-y-6">
          {live.length ? <PartnershipList slug={slug} partnerships={live} /> : null}
          {archived.length ? (
            <Card
              title={`Archived (${archived.length})`}
              description="Partnerships that have exited: out of the portfolio and read-only, with their history kept."
            >
              <PartnershipList slug={slug} partnerships={archived} bare />
            </Card>
          ) : null}
        </div>
      )}
    </>
  );
}
