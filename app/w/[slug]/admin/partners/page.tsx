import Link from "next/link";
import { LIST_PAGE_SIZES } from "~/server/services/lists/paging";
import { Alert } from "../../../../_components/alert";
import { Button } from "../../../../_components/button";
import { Card, EmptyState, PageHeader } from "../../../../_components/card";
import { ListFilters } from "../../../../_components/list-filters";
import { Pager } from "../../../../_components/pager";
import { Table } from "../../../../_components/table";
import { date, titleCase } from "../../../../_lib/format";
import { ignoredNote, listHref, one, readPaging, type Params } from "../../../../_lib/list-params";
import { ImportExportLinks } from "../_components/import-export-links";
import { adminCall } from "../_lib/admin-call";
import { AddPartnerOrgDialog } from "./add-partner-org-dialog";
import { PartnershipDialog } from "./partnership-dialog";

export const metadata = { title: "Partners" };
export const dynamic = "force-dynamic";

// People type websites with or without the scheme; a bare host would otherwise become a relative link.
const websiteHref = (website: string) => (/^https?:\/\//i.test(website) ? website : `https://${website}`);

// The newest partnerships shown here; the Partnerships page lists, searches and edits them all.
const NEWEST = 10;

export default async function PartnersPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Params> }) {
  const { slug } = await params;
  const sp = await searchParams;
  const ignored: string[] = [];
  const { q, page, pageSize } = readPaging(sp, LIST_PAGE_SIZES, ignored);
  const region = one(sp.region)?.slice(0, 120) || undefined;
  const industry = one(sp.industry)?.slice(0, 120) || undefined;
  const {
    data: [orgs, partnerOrgs, partnerships, owners],
  } = await adminCall(slug, (api) =>
    Promise.all([
      api.partnerOrg.search({ workspaceSlug: slug, q, region, industry, page, pageSize }),
      // The dialog's choice of organisation, and of owner.
      api.partnerOrg.choices({ workspaceSlug: slug }),
      api.partnership.search({ workspaceSlug: slug, sort: "newest", pageSize: 20 }),
      api.member.owners({ workspaceSlug: slug }),
    ]),
  );
  const addOrg = <AddPartnerOrgDialog slug={slug} />;
  const base = `/w/${slug}/admin/partners`;
  const choices = { q, region, industry, size: pageSize };
  const filtered = [q, region, industry].some((v) => v !== undefined);
  const note = ignoredNote(ignored);
  const newest = partnerships.rows.slice(0, NEWEST);

  return (
    <>
      <PageHeader
        title="Partners"
        description="The organisations you partner with, and the partnerships you run with them. Each partnership gets its own scorecard."
        action={
          <div className="flex gap-2">
            <ImportExportLinks slug={slug} kind="partner-organisations" what="partner organisations" />
          </div>
        }
      />
      <div className="space-y-6">
        <Card title="Partner organisations" description="Companies in your partner program." action={partnerOrgs.length ? addOrg : null}>
          {partnerOrgs.length === 0 ? (
            <EmptyState title="No partner organisations yet" action={addOrg}>
              Add the first company you partner with. Then create a partnership with it and invite its contacts from Members.
            </EmptyState>
          ) : (
            <div className="space-y-4">
              <ListFilters
                action={base}
                label="Search and filter the partner organisations"
                search={{ label: "Search", value: q ?? "", placeholder: "An organisation's name" }}
                keep={pageSize ? { size: String(pageSize) } : {}}
                filtered={filtered}
                filters={[
                  {
                    name: "region",
                    label: "Region",
                    all: "Every region",
                    value: region ?? "",
                    options: orgs.options.regions.map((r) => ({ value: r, label: r })),
                  },
                  {
                    name: "industry",
                    label: "Industry",
                    all: "Every industry",
                    value: industry ?? "",
                    options: orgs.options.industries.map((i) => ({ value: i, label: i })),
                  },
                ]}
              />
              {note ? <Alert tone="warning">{note}</Alert> : null}
              {orgs.page.total === 0 ? (
                <EmptyState
                  title="No partner organisations match"
                  action={
                    <Button asChild variant="secondary">
                      <Link href={base}>Clear filters</Link>
                    </Button>
                  }
                >
                  Nothing matches {q ? `"${q}"` : "these filters"}. Try another search, or clear the filters to see every organisation.
                </EmptyState>
              ) : (
                <>
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
                    {orgs.rows.map((o) => (
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
                  <Pager page={orgs.page} noun="organisations" href={(n) => listHref(base, choices, n)} />
                </>
              )}
            </div>
          )}
        </Card>

        <Card
          title="Partnerships"
          description={
            <>
              The newest partnerships. Each has an owner (an alliance manager or admin), a tier, a phase and a renewal date.{" "}
              {partnerships.page.total > 0 ? (
                <Link href={`/w/${slug}/partnerships`} className="font-medium text-brand-700 hover:underline">
                  Search and edit all {partnerships.page.total} under Partnerships
                </Link>
              ) : null}
            </>
          }
          action={partnerOrgs.length && newest.length ? <PartnershipDialog slug={slug} partnerOrgs={partnerOrgs} owners={owners} /> : null}
        >
          {newest.length === 0 ? (
            <EmptyState
              title="No partnerships yet"
              action={partnerOrgs.length ? <PartnershipDialog slug={slug} partnerOrgs={partnerOrgs} owners={owners} /> : null}
            >
              {partnerOrgs.length
                ? "Create a partnership with one of your partner organisations. Its scorecard fills in as survey answers arrive."
                : "Add a partner organisation above first; then create its partnership here."}
            </EmptyState>
          ) : (
            <Table
              caption="The newest partnerships"
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
              {newest.map((p) => (
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
