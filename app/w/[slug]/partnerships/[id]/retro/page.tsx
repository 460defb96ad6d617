import Link from "next/link";
import { Card, EmptyState, PageHeader } from "../../../../../_components/card";
import { Table } from "../../../../../_components/table";
import { call } from "../../../../../_lib/call";
import { date } from "../../../../../_lib/format";
import { PHASE_LABEL } from "~/server/services/retro/rules";
import { OpenRetroForm } from "./open-retro-form";

export const metadata = { title: "Retrospectives" };
export const dynamic = "force-dynamic";

// The partnership's retros, one per cycle, and for its facilitator the form that opens the next.
export default async function RetrosPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const data = await call((api) => api.retro.list({ workspaceSlug: slug, partnershipId: id }));
  const { partnership, viewer, retros, openable } = data;

  return (
    <>
      <PageHeader
        title="Retrospectives"
        description={`${partnership.name}: once a cycle, both sides look back on the partnership together and agree what to change.`}
      />
      <div className="space-y-6">
        <Card title="How the retro works">
          <ol className="list-decimal space-y-1 pl-5 text-sm text-slate-700">
            <li>The facilitator (the partnership&apos;s owner) opens the retro and states its ground rules.</li>
            <li>
              Everyone, from both sides, adds what is <strong>going well</strong> and what to <strong>stop doing</strong>. Nobody sees
              another&apos;s items until the facilitator reveals them.
            </li>
            <li>Each person has three votes per list; the top three of each list are shown.</li>
            <li>
              Everyone proposes what to <strong>start doing</strong>, and votes again.
            </li>
            <li>Each top Start doing item becomes an action: someone from either side volunteers to own it and sets a date.</li>
            <li>The retro closes with a summary both sides can read and export; it is emailed to everyone taking part.</li>
          </ol>
        </Card>

        {viewer.canFacilitate && openable.length > 0 ? (
          <OpenRetroForm
            slug={slug}
            partnershipId={partnership.id}
            cycles={openable}
            defaultCycleId={data.defaultCycleId ?? openable[0]!.id}
          />
        ) : null}

        {retros.length === 0 ? (
          <EmptyState title="No retro yet">
            {viewer.canFacilitate
              ? "Open the first retro above when both sides are ready to meet."
              : "The partnership's owner opens a retro once a cycle; it will appear here for you to take part."}
          </EmptyState>
        ) : (
          <Card title="Retros by cycle">
            <Table
              caption="Retros by cycle"
              columns={[
                { label: "Cycle" },
                { label: "Step" },
                { label: "Opened" },
                { label: "Closed" },
                { label: "Actions", align: "right" },
              ]}
            >
              {retros.map((r) => (
                <tr key={r.id}>
                  <th scope="row" className="font-medium text-slate-900">
                    <Link href={`/w/${slug}/partnerships/${partnership.id}/retro/${r.id}`} className="text-brand-700 hover:underline">
                      Retro {r.cycleLabel}
                    </Link>
                  </th>
                  <td>{PHASE_LABEL[r.phase]}</td>
                  <td>{date(r.openedAt)}</td>
                  <td>{date(r.closedAt)}</td>
                  <td className="text-right tabular-nums">{r.actions}</td>
                </tr>
              ))}
            </Table>
          </Card>
        )}
      </div>
    </>
  );
}
