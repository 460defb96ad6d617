import Link from "next/link";
import { Button } from "../../../../../_components/button";
import { Card, EmptyState, PageHeader } from "../../../../../_components/card";
import { Table } from "../../../../../_components/table";
import { dateTime } from "~/server/services/dates";
import { adminCall } from "../../_lib/admin-call";
import { RedeliverButton } from "../redeliver-button";
import { RefreshWhilePending } from "./refresh-while-pending";

export const metadata = { title: "Webhook delivery log" };
export const dynamic = "force-dynamic";

const STATUS = {
  PENDING: { label: "Waiting", tone: "text-amber-800" },
  DELIVERED: { label: "Delivered", tone: "text-green-800" },
  FAILED: { label: "Failed", tone: "text-red-800" },
} as const;

export default async function DeliveryLogPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string; endpointId: string }>;
  searchParams: Promise<{ cursor?: string | string[] }>;
}) {
  const { slug, endpointId } = await params;
  const search = await searchParams;
  const cursor = typeof search.cursor === "string" && search.cursor ? search.cursor : undefined;
  const { data } = await adminCall(slug, (api) => api.webhook.deliveries({ workspaceSlug: slug, endpointId, cursor }));
  const base = `/w/${slug}/admin/webhooks/${endpointId}`;

  return (
    <>
      <PageHeader
        title="Delivery log"
        description={<span className="break-all">Everything sent to {data.endpoint.url}, newest first.</span>}
        action={
          <Button asChild variant="secondary" size="sm">
            <Link href={`/w/${slug}/admin/webhooks`}>All endpoints</Link>
          </Button>
        }
      />
      <RefreshWhilePending pending={data.deliveries.some((d) => d.status === "PENDING")} />
      <Card>
        {data.deliveries.length === 0 ? (
          <EmptyState title={cursor ? "No older deliveries" : "Nothing sent yet"}>
            Events appear here as they happen; “Send test event” sends one now.
          </EmptyState>
        ) : (
          <Table
            caption="Deliveries to this endpoint, newest first"
            columns={[
              { label: "When" },
              { label: "Event" },
              { label: "Status" },
              { label: "Answer" },
              { label: "Actions", visuallyHidden: true },
            ]}
          >
            {data.deliveries.map((d) => (
              <tr key={d.id} className="align-top" data-delivery={d.id}>
                <td className="whitespace-nowrap">{dateTime(d.createdAt)}</td>
                <td className="min-w-56">
                  <details>
                    <summary className="cursor-pointer font-mono text-xs font-medium text-slate-900">{d.eventType}</summary>
                    <p className="mt-2 text-xs text-slate-600">webhook-id: {d.messageId}</p>
                    <pre className="mt-1 max-h-80 overflow-auto rounded bg-slate-50 p-2 font-mono text-xs text-slate-800">{d.payload}</pre>
                  </details>
                </td>
                <td className="whitespace-nowrap">
                  <span className={`font-medium ${STATUS[d.status].tone}`}>{STATUS[d.status].label}</span>
                  <span className="block text-xs text-slate-600">
                    {d.attempts === 1 ? "1 attempt" : `${d.attempts} attempts`}
                    {d.lastAttemptAt ? `, last ${dateTime(d.lastAttemptAt)}` : ""}
                  </span>
                </td>
                <td className="min-w-56">
                  {d.responseStatus !== null ? (
                    <span className="font-mono text-xs">
                      HTTP {d.responseStatus}
                      {d.durationMs !== null ? ` in ${d.durationMs} ms` : ""}
                    </span>
                  ) : null}
                  {d.lastError ? <span className="block text-xs text-red-800">{d.lastError}</span> : null}
                  {d.responseExcerpt ? (
                    <pre className="mt-1 max-h-24 overflow-auto whitespace-pre-wrap break-words font-mono text-xs text-slate-600">
                      {d.responseExcerpt}
                    </pre>
                  ) : null}
                </td>
                <td>{d.status === "PENDING" ? null : <RedeliverButton slug={slug} deliveryId={d.id} />}</td>
              </tr>
            ))}
          </Table>
        )}
        {cursor || data.nextCursor ? (
          <div className="mt-4 flex justify-between gap-2">
            {cursor ? (
              <Button asChild variant="secondary" size="sm">
                <Link href={base}>Newest deliveries</Link>
              </Button>
            ) : (
              <span />
            )}
            {data.nextCursor ? (
              <Button asChild variant="secondary" size="sm">
                <Link href={`${base}?cursor=${data.nextCursor}`}>Older deliveries</Link>
              </Button>
            ) : null}
          </div>
        ) : null}
      </Card>
    </>
  );
}
