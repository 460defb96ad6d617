import Link from "next/link";
import { Alert } from "../../../../_components/alert";
import { Button } from "../../../../_components/button";
import { Card, EmptyState, PageHeader } from "../../../../_components/card";
import { Table } from "../../../../_components/table";
import { adminCall } from "../_lib/admin-call";
import { EventRow } from "./event-row";
import { AuditFilters } from "./filters";
import { actionGroups } from "./labels";
import { auditHref, auditSearch } from "./search";

export const metadata = { title: "Audit log" };
export const dynamic = "force-dynamic";

type Search = Record<string, string | string[] | undefined>;

export default async function AuditLogPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Search> }) {
  const { slug } = await params;
  const { filters, cursor } = auditSearch(await searchParams);
  // Days the wrong way round would match nothing: say so instead of showing an empty log.
  const backwards = filters.from !== undefined && filters.to !== undefined && filters.from > filters.to;
  const { workspace, data } = await adminCall(slug, async (api) => {
    const people = await api.audit.people({ workspaceSlug: slug });
    // A person who was never a member here (an address typed by hand) filters nothing.
    const memberId = people.some((p) => p.memberId === filters.memberId) ? filters.memberId : undefined;
    const list = backwards ? null : await api.audit.list({ workspaceSlug: slug, ...filters, memberId, cursor });
    return { people, list, memberId };
  });
  const shown = { ...filters, memberId: data.memberId };
  const base = `/w/${slug}/admin/audit`;
  const filtered = Object.values(shown).some((v) => v !== undefined);
  const events = data.list?.events ?? [];
  const nextCursor = data.list?.nextCursor ?? null;

  return (
    <>
      <PageHeader
        title="Audit log"
        description={`Who did what in ${workspace.name}, when, and from which address: invitations, role changes and removals, settings and sharing changes, downloads, and the sign-ins and account changes of its members while they are members. Nothing here can be changed or deleted.`}
        action={
          <Button asChild variant="secondary">
            <a href={auditHref(`${base}/export`, shown)} download>
              Download CSV
            </a>
          </Button>
        }
      />
      <div className="space-y-6">
        <Card>
          <AuditFilters action={base} filters={shown} groups={actionGroups()} people={data.people} />
        </Card>

        {backwards ? <Alert tone="error">The first day is after the last day: swap them, or clear one.</Alert> : null}

        <Card>
          {events.length === 0 ? (
            <EmptyState title={cursor ? "No older events" : filtered ? "No events match these filters" : "No events yet"}>
              {filtered
                ? "Try a wider date range, another event or person, or clear the filters."
                : "Invitations, member changes, settings changes, downloads and sign-ins appear here as they happen."}
            </EmptyState>
          ) : (
            <Table
              caption="Audit log of this workspace, newest first"
              columns={[{ label: "When" }, { label: "Who" }, { label: "What" }, { label: "Address" }]}
            >
              {events.map((e) => (
                <EventRow key={e.id} event={e} />
              ))}
            </Table>
          )}

          {cursor || nextCursor ? (
            <div className="mt-4 flex justify-between gap-2">
              {cursor ? (
                <Button asChild variant="secondary" size="sm">
                  <Link href={auditHref(base, shown)}>Newest events</Link>
                </Button>
              ) : (
                <span />
              )}
              {nextCursor ? (
                <Button asChild variant="secondary" size="sm">
                  <Link href={auditHref(base, shown, nextCursor)}>Older events</Link>
                </Button>
              ) : null}
            </div>
          ) : null}
        </Card>
      </div>
    </>
  );
}
