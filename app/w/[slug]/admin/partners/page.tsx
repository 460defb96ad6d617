import Link from "next/link";
import { capabilitiesOf } from "~/server/access/roles";
import { Card, EmptyState, PageHeader } from "../../../../_components/card";
import { Table } from "../../../../_components/table";
import { date, titleCase } from "../../../../_lib/format";
import { adminCall } from "../_lib/admin-call";
import { AddPartnerOrgDialog } from "./add-partner-org-dialog";
import { PartnershipDialog } from "./partnership-dialog";

export const metadata = { title: "Partners" };
export const dynamic = "force-dynamic";

// People type websites with or without the scheme; a bare host would otherwise become a relative link.
const websiteHref = (website: string) => (/^https?:\/\//i.test(website) ? website : `https://${website}`);

export default async function PartnersPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const {
    data: [orgs, partnerships, members],
  } = await adminCall(slug, (api) =>
    Promise.all([
      api.partnerOrg.list({ workspaceSlug: slug }),
      api.partnership.list({ workspaceSlug: slug }),
      api.member.list({ workspaceSlug: slug }),
    ]),
  );
  const partnerOrgs = orgs.map((o) => ({ id: o.id, name: o.name }));
  const owners = members.filter((m) => capabilitiesOf(m.role).ownPartnerships).map((m) => ({ id: m.id, name: m.name }));
  const addOrg = <AddPartnerOrgDialog slug={slug} />;

  return (
    <>
      <PageHeader
        title="Partners"
        description="The organisations you partner with, and the partnerships you run with them. Each partnership gets its own scorecard."
      />
      <div className="space-y-6">
        <Card title="Partner organisations" description="Companies in your partner program." action={orgs.length ? addOrg : null}>
          {orgs.length === 0 ? (
            <EmptyState title="No partner organisations yet" action={addOrg}>
              Add the first company you partner with. Then create a partnership with it and invite its contacts from Members.
            </EmptyState>
          ) : (
            <Table
              caption="Partner organisations"
              columns={[
                { label: "Name" },
                { label: "Region" },
                { label: "Industry" },
                { label: "Website" },
                { label: "Partnerships", align: "right" },
                { label: "Contacts", align: "right" },
              ]}
            >
              {orgs.map((o) => (
                <tr key={o.id}>
                  <td className="font-medium text-slate-900">{o.name}</td>
                  <td>{o.region ?? "–"}</td>
                  <td>{o.industry ?? "–"}</td>
                  <td>
                    {o.website ? (
                      <a href={websiteHref(o.website)} target="_blank" rel="noreferrer" className="text-brand-700 hover:underline">
                        {o.website}
                        <span className="sr-only"> (opens in a new tab)</span>
                      </a>
                    ) : (
                      "–"
                    )}
                  </td>
                  <td className="text-right tabular-nums">{o.partnerships}</td>
                  <td className="text-right tabular-nums">{o.contacts}</td>
                </tr>
              ))}
            </Table>
          )}
        </Card>

        <Card
          title="Partnerships"
          description="Each has an owner (an alliance manager or admin), a tier, a phase and a renewal date."
          action={orgs.length && partnerships.length ? <PartnershipDialog slug={slug} partnerOrgs={partnerOrgs} owners={owners} /> : null}
        >
          {partnerships.length === 0 ? (
            <EmptyState
              title="No partnerships yet"
              action={orgs.length ? <PartnershipDialog slug={slug} partnerOrgs={partnerOrgs} owners={owners} /> : null}
            >
              {orgs.length
                ? "Create a partnership with one of your partner organisations. Its scorecard fills in as survey answers arrive."
                : "Add a partner organisation above first; then create its partnership here."}
            </EmptyState>
          ) : (
            <Table
              caption="Partnerships"
              columns={[
                { label: "Partnership" },
                { label: "Partner" },
                { label: "Owner" },
                { label: "Tier" },
                { label: "Phase" },
                { label: "Renewal" },
                { label: "Actions", visuallyHidden: true },
              ]}
            >
              {partnerships.map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link href={`/w/${slug}/partnerships/${p.id}`} className="font-medium text-brand-700 hover:underline">
                      {p.name}
                    </Link>
                  </td>
                  <td>{p.partnerName}</td>
                  <td>{p.ownerName ?? <span className="text-slate-400">No owner</span>}</td>
                  <td>{titleCase(p.tier)}</td>
                  <td>{titleCase(p.phase)}</td>
                  <td className="whitespace-nowrap">{date(p.renewalDate)}</td>
                  <td className="text-right">
                    <PartnershipDialog slug={slug} partnerOrgs={partnerOrgs} owners={owners} partnership={p} />
                  </td>
                </tr>
              ))}
            </Table>
          )}
        </Card>
      </div>
    </>
  );
}
