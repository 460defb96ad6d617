import Link from "next/link";
import { PageHeader } from "../../../../../_components/card";
import { adminCall } from "../../_lib/admin-call";
import { SsoForm } from "./sso-form";

export const metadata = { title: "Single sign-on" };
export const dynamic = "force-dynamic";

export default async function SsoSettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { workspace, data } = await adminCall(slug, (api) => api.sso.get({ workspaceSlug: slug }));
  return (
    <>
      <PageHeader
        title="Single sign-on"
        description={`Let ${workspace.name}'s own people sign in with your company's identity provider (OpenID Connect), by their email domain.`}
        action={
          <Link className="text-sm font-medium text-brand-700 hover:underline" href={`/w/${slug}/admin/settings`}>
            Back to settings
          </Link>
        }
      />
      <SsoForm slug={slug} connection={data.connection} redirectUri={data.redirectUri} />
    </>
  );
}
