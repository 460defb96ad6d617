import Link from "next/link";
import { redirect } from "next/navigation";
import { PHASES } from "~/server/services/lifecycle/phase-rules";
import { LIST_PAGE_SIZES } from "~/server/services/lists/paging";
import { LIST_BANDS, LIST_TIERS, NO_OWNER } from "~/server/services/lists/partnerships-schema";
import { Alert } from "../../../_components/alert";
import { Button } from "../../../_components/button";
import { Card, EmptyState, PageHeader } from "../../../_components/card";
import { ListFilters } from "../../../_components/list-filters";
import { Pager } from "../../../_components/pager";
import { Table } from "../../../_components/table";
import { call } from "../../../_lib/call";
import { BAND_LABEL, date, titleCase } from "../../../_lib/format";
import { ignoredNote, listHref, readChoice, readId, readPaging, type Params } from "../../../_lib/list-params";
import { PartnershipDialog } from "../admin/partners/partnership-dialog";
import { ImportExportLinks } from "../admin/_components/import-export-links";
import { HealthCell } from "./health-cell";

export const metadata = { title: "Partnerships" };
export const dynamic = "force-dynamic";

// The admins' "newest first" belongs to the Partners page.
const PAGE_SORTS = ["name", "health"] as const;
const BAND_CHOICES = LIST_BANDS.map((b) => ({ value: b, label: b === "NONE" ? "No score yet" : BAND_LABEL[b] }));

export default async function PartnershipsPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Params>;
}) {
  const { slug } = await params;
  const sp = await searchParams;
  const ignored: string[] = [];
  const { q, page, pageSize } = readPaging(sp, LIST_PAGE_SIZES, ignored);
  const tier = readChoice(sp, "tier", LIST_TIERS, ignored);
  const phase = readChoice(sp, "phase", PHASES, ignored);
  const owner = readId(sp, "owner", ignored);
  const workspace = await call((api) => api.workspace.current({ workspaceSlug: slug }));
  const partner = !workspace.can.seeAllPartnerships;
  // Health is a choice only where it shows: a partner contact sees it when the workspace shares scores.
  const healthShared = !partner || workspace.partnerSharing.partnerSeesScores;
  const band = healthShared ? readChoice(sp, "band", LIST_BANDS, ignored) : undefined;
  const sort = healthShared ? readChoice(sp, "sort", PAGE_SORTS, ignored) : undefined;
  const choices = { q, tier, phase, owner, band, sort, size: pageSize };
  const filtered = [q, tier, phase, owner, band].some((v) => v !== undefined);

  const isAdmin = workspace.can.administer;
  const [list, setup] = await call((api) =>
    Promise.all([
      api.partnership.search({ workspaceSlug: slug, q, tier, phase, owner, band, sort, page, pageSize }),
      // The edit dialog's choices, for admins.
      isAdmin ? Promise.all([api.partnerOrg.choices({ workspaceSlug: slug }), api.member.owners({ workspaceSlug: slug })]) : null,
    ]),
  );
  // A partner contact with one partnership goes straight to its scorecard.
  if (partner && !filtered && list.page.total === 1) redirect(`/w/${slug}/partnerships/${list.rows[0]!.id}`);
  const partnerOrgs = setup?.[0] ?? [];
  const owners = setup?.[1] ?? [];
  const base = `/w/${slug}/partnerships`;
  const note = ignoredNote(ignored);

  return (
    <>
      <PageHeader
        title={partner ? "Our partnerships" : "Partnerships"}
        description={
          partner
            ? `The partnerships between ${workspace.partnerOrgName ?? "your organisation"} and ${workspace.name}.`
            : "Every partnership in the program, with its current health. Open one for its scorecard."
        }
        action={
          isAdmin ? (
            <div className="flex flex-wrap gap-2">
              {partnerOrgs.length ? <PartnershipDialog slug={slug} partnerOrgs={partnerOrgs} owners={owners} /> : null}
              <Button asChild variant="secondary">
                <Link href={`/w/${slug}/admin/partners`}>Manage partners</Link>
              </Button>
              <ImportExportLinks slug={slug} kind="partnerships" what="partnerships" />
            </div>
          ) : null
        }
      />
      <div className="space-y-6">
        <Card>
          <ListFilters
            action={base}
            label="Search and filter the partnerships"
            search={{ label: "Search", value: q ?? "", placeholder: "A partnership or partner organisation" }}
            keep={{ ...(sort ? { sort } : {}), ...(pageSize ? { size: String(pageSize) } : {}) }}
            filtered={filtered}
            filters={[
              {
                name: "tier",
                label: "Tier",
                all: "Every tier",
                value: tier ?? "",
                options: LIST_TIERS.map((t) => ({ value: t, label: titleCase(t) })),
              },
              {
                name: "phase",
                label: "Phase",
                all: "Every phase",
                value: phase ?? "",
                options: PHASES.map((p) => ({ value: p, label: p === "EXITED" ? "Exited (archived)" : titleCase(p) })),
              },
              {
                name: "owner",
                label: "Owner",
                all: "Anyone",
                value: owner ?? "",
                options: [...list.options.owners.map((o) => ({ value: o.id, label: o.name })), { value: NO_OWNER, label: "No owner" }],
              },
              ...(healthShared ? [{ name: "band", label: "Health", all: "Any health", value: band ?? "", options: BAND_CHOICES }] : []),
            ]}
          />
        </Card>
        {note ? <Alert tone="warning">{note}</Alert> : null}

        <Card>
          {list.page.total === 0 ? (
            filtered ? (
              <EmptyState
                title="No partnerships match"
                action={
                  <Button asChild variant="secondary">
                    <Link href={base}>Clear filters</Link>
                  </Button>
                }
              >
                Nothing matches {q ? `"${q}"` : "these filters"}. Try another search, or clear the filters to see every partnership.
              </EmptyState>
            ) : (
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
            )
          ) : (
            <>
              {healthShared ? (
                <p className="mb-3 text-sm text-slate-600">
                  Sorted by{" "}
                  {sort === "health" ? (
                    <>
                      health, weakest first ·{" "}
                      <Link className="font-medium text-brand-700 hover:underline" href={listHref(base, { ...choices, sort: undefined })}>
                        sort by name
                      </Link>
                    </>
                  ) : (
                    <>
                      name ·{" "}
                      <Link className="font-medium text-brand-700 hover:underline" href={listHref(base, { ...choices, sort: "health" })}>
                        sort by health, weakest first
                      </Link>
                    </>
                  )}
                  . Archived partnerships come last.
                </p>
              ) : null}
              <Table
                caption="Partnerships"
                columns={[
                  { label: "Partnership" },
                  { label: "Tier" },
                  { label: "Phase" },
                  { label: "Owner" },
                  ...(healthShared ? [{ label: "Health" }] : []),
                  { label: "Renewal" },
                  ...(isAdmin ? [{ label: "Actions", visuallyHidden: true }] : []),
                ]}
              >
                {list.rows.map((p) => (
                  <tr key={p.id} className="align-top">
                    <td>
                      <Link href={`${base}/${p.id}`} className="font-medium text-brand-700 hover:underline">
                        {p.name}
                      </Link>
                      <p className="text-xs text-slate-500">{p.partnerName}</p>
                    </td>
                    <td>{titleCase(p.tier)}</td>
                    <td>{p.archivedAt ? `Exited, archived ${date(p.archivedAt)}` : titleCase(p.phase)}</td>
                    <td>{p.ownerName ?? <span className="text-slate-400">No owner</span>}</td>
                    {healthShared ? (
                      <td>
                        <HealthCell health={p.health} />
                      </td>
                    ) : null}
                    <td className="whitespace-nowrap">{p.archivedAt ? "–" : date(p.renewalDate)}</td>
                    {isAdmin ? (
                      <td className="text-right">
                        <PartnershipDialog slug={slug} partnerOrgs={partnerOrgs} owners={owners} partnership={p} />
                      </td>
                    ) : null}
                  </tr>
                ))}
              </Table>
              <Pager page={list.page} noun="partnerships" href={(n) => listHref(base, choices, n)} />
            </>
          )}
        </Card>
      </div>
    </>
  );
}
