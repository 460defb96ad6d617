import { Card, PageHeader } from "../../../../_components/card";
import { adminCall } from "../_lib/admin-call";
import { ChatIntegrationCard } from "./chat-integration-card";

export const metadata = { title: "Integrations" };
export const dynamic = "force-dynamic";

const PLATFORMS = {
  SLACK: {
    name: "Slack",
    placeholder: "https://hooks.slack.com/services/T…/B…/…",
    how: "In Slack, add the Incoming WebHooks app to your workspace (or make an app with Incoming Webhooks turned on), choose the channel, and copy the Webhook URL.",
  },
  TEAMS: {
    name: "Microsoft Teams",
    placeholder: "https://….logic.azure.com/workflows/…",
    how: "In the Teams channel, open ⋯ → Workflows → “Post to a channel when a webhook request is received”, finish the flow, and copy the URL it shows.",
  },
} as const;

export default async function IntegrationsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { data: integrations } = await adminCall(slug, (api) => api.chatIntegration.list({ workspaceSlug: slug }));

  return (
    <>
      <PageHeader
        title="Integrations"
        description="Post this workspace's news to the channels where your team works: alerts when a cycle closes, cycles opening and their response rates, a daily digest of overdue actions, and retro summaries."
      />
      <div className="space-y-6">
        {integrations.map((i) => (
          <Card key={i.platform}>
            <ChatIntegrationCard slug={slug} integration={i} {...PLATFORMS[i.platform]} />
          </Card>
        ))}
        <Card>
          <h2 className="text-base font-semibold text-slate-900">What is posted</h2>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-700">
            <li>Alerts, once each, when the cycle they are about closes: health drops, pillars at risk, perception gaps.</li>
            <li>
              A cycle opening (how many partnerships and people are asked), its response rate two days before it closes, and the final rate
              when it closes.
            </li>
            <li>Overdue actions, by partnership, at most once a day.</li>
            <li>A retro&apos;s summary when it closes: the top items of each list and the actions agreed.</li>
          </ul>
          <p className="mt-2 text-sm text-slate-600">
            Scores appear as the scorecard shows them to your team: the health index and its band, and a side&apos;s own figures only where
            enough people of that side answered. Nobody&apos;s individual answers are posted.
          </p>
        </Card>
      </div>
    </>
  );
}
