import Link from "next/link";
import { Card, EmptyState, PageHeader } from "../../../../_components/card";
import { dateTime } from "~/server/services/dates";
import { adminCall } from "../_lib/admin-call";
import { CreateEndpointForm } from "./create-endpoint-form";
import { EndpointActions } from "./endpoint-actions";

export const metadata = { title: "Webhooks" };
export const dynamic = "force-dynamic";

export default async function WebhooksPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { data } = await adminCall(slug, (api) => api.webhook.list({ workspaceSlug: slug }));
  const label = new Map(data.events.map((e) => [e.type, e.label]));

  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Webhooks tell your other tools (a CRM, a data warehouse, an automation) when something happens here: each event is POSTed as JSON to the endpoints that subscribe to it, signed so the receiver can check it came from this workspace."
      />
      <div className="space-y-6">
        <Card>
          <h2 className="text-base font-semibold text-slate-900">New endpoint</h2>
          <p className="mt-1 text-sm text-slate-600">
            Its signing secret is shown once, when it is added. A delivery that fails is tried again with growing waits for 9 to 17 hours;
            an endpoint that fails every delivery for a day is turned off, and the admins are emailed.
          </p>
          <div className="mt-4">
            <CreateEndpointForm slug={slug} events={data.events} />
          </div>
        </Card>

        {data.endpoints.length === 0 ? (
          <Card>
            <EmptyState title="No webhook endpoints yet">Endpoints you add appear here, with their delivery logs.</EmptyState>
          </Card>
        ) : (
          <ul className="space-y-4" aria-label="Webhook endpoints">
            {data.endpoints.map((e) => (
              <li key={e.id}>
                <Card>
                  <div className="flex flex-wrap items-start justify-between gap-3">
                    <div className="min-w-0">
                      <h2 className="break-all font-mono text-sm font-semibold text-slate-900">{e.url}</h2>
                      {e.description ? <p className="text-sm text-slate-700">{e.description}</p> : null}
                      <p className="mt-1 text-xs text-slate-600">
                        Added {dateTime(e.createdAt)} by {e.createdBy}
                        {e.rotating ? " · signed with the new and the previous secret for a day after its rotation" : ""}
                      </p>
                    </div>
                    <span
                      className={
                        e.enabled
                          ? "rounded-full bg-green-50 px-2 py-0.5 text-xs font-medium text-green-800 ring-1 ring-green-200"
                          : "rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700 ring-1 ring-slate-300"
                      }
                    >
                      {e.enabled ? "On" : "Off"}
                    </span>
                  </div>
                  {!e.enabled && e.disabledReason ? <p className="mt-2 text-sm text-red-800">{e.disabledReason}</p> : null}
                  {e.enabled && e.failingSince ? (
                    <p className="mt-2 text-sm text-amber-800">
                      Failing since {dateTime(e.failingSince)}: it is turned off after a day of failures.
                    </p>
                  ) : null}
                  <p className="mt-2 text-sm text-slate-700">
                    <span className="font-medium">Events:</span> {e.events.map((t) => label.get(t) ?? t).join(", ")}
                  </p>
                  <p className="mt-1 text-sm text-slate-700">
                    {e.delivered} delivered · {e.failed} failed · {e.pending} waiting ·{" "}
                    <Link href={`/w/${slug}/admin/webhooks/${e.id}`} className="font-medium text-brand-700 hover:underline">
                      Delivery log
                    </Link>
                  </p>
                  <div className="mt-3">
                    <EndpointActions slug={slug} endpointId={e.id} url={e.url} enabled={e.enabled} />
                  </div>
                </Card>
              </li>
            ))}
          </ul>
        )}
      </div>
    </>
  );
}
