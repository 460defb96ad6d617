import Link from "next/link";
import { Card, EmptyState, PageHeader } from "../../../../_components/card";
import { Table } from "../../../../_components/table";
import { ROLE_LABEL } from "../../../../_lib/format";
import { dateTime } from "~/server/services/dates";
import { adminCall } from "../_lib/admin-call";
import { CreateTokenForm } from "./create-token-form";
import { RevokeTokenButton } from "./revoke-token-button";

export const metadata = { title: "API tokens" };
export const dynamic = "force-dynamic";

const SCOPE_LABEL = { READ: "Read", READ_WRITE: "Read and write" } as const;

export default async function ApiTokensPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const {
    data: [tokens, partnerOrgs],
  } = await adminCall(slug, (api) =>
    Promise.all([api.apiToken.list({ workspaceSlug: slug }), api.partnerOrg.list({ workspaceSlug: slug })]),
  );

  return (
    <>
      <PageHeader
        title="API tokens"
        description="Tokens let other tools (a CRM, a data warehouse, a script) use this workspace's REST API. Each acts with the role you give it, under the same rules as a person in that role."
      />
      <div className="space-y-6">
        <Card>
          <h2 className="text-base font-semibold text-slate-900">New token</h2>
          <p className="mt-1 text-sm text-slate-600">
            The token is shown once, when it is made; only a fingerprint of it is kept. Read how to call the API in the{" "}
            <Link href="/api-docs" className="font-medium text-brand-700 hover:underline">
              API reference
            </Link>
            .
          </p>
          <div className="mt-4">
            <CreateTokenForm slug={slug} partnerOrgs={partnerOrgs.map((o) => ({ id: o.id, name: o.name }))} />
          </div>
        </Card>

        <Card>
          {tokens.length === 0 ? (
            <EmptyState title="No API tokens yet">Tokens you make appear here, with when each was last used.</EmptyState>
          ) : (
            <Table
              caption="API tokens of this workspace"
              columns={[
                { label: "Name" },
                { label: "Starts with" },
                { label: "Access" },
                { label: "Made" },
                { label: "Last used" },
                { label: "" },
              ]}
            >
              {tokens.map((t) => (
                <tr key={t.id} className="align-top">
                  <td className="font-medium text-slate-900">{t.name}</td>
                  <td className="font-mono text-xs">{t.prefix}…</td>
                  <td>
                    {SCOPE_LABEL[t.scope]}, as {ROLE_LABEL[t.role]}
                    {t.partnerOrgName ? ` of ${t.partnerOrgName}` : ""}
                  </td>
                  <td className="whitespace-nowrap">
                    {dateTime(t.createdAt)}
                    <span className="block text-xs text-slate-600">by {t.createdBy}</span>
                  </td>
                  <td className="whitespace-nowrap">{t.lastUsedAt ? dateTime(t.lastUsedAt) : "Never"}</td>
                  <td className="whitespace-nowrap">
                    {t.revokedAt ? (
                      <span className="text-sm text-slate-600">Revoked {dateTime(t.revokedAt)}</span>
                    ) : (
                      <RevokeTokenButton slug={slug} tokenId={t.id} name={t.name} />
                    )}
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
