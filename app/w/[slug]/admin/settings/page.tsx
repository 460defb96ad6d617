import Link from "next/link";
import { PageHeader } from "../../../../_components/card";
import { adminCall } from "../_lib/admin-call";
import { RenewalForm } from "./renewal-form";
import { SettingsForm } from "./settings-form";
import { SharingForm } from "./sharing-form";

export const metadata = { title: "Settings" };
export const dynamic = "force-dynamic";

export default async function SettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { workspace } = await adminCall(slug, async () => null);
  return (
    <>
      <PageHeader
        title="Settings"
        description={`How ${workspace.name} runs its surveys, what partner contacts see of the results, and when renewal reviews open.`}
        action={
          <Link className="text-sm font-medium text-brand-700 hover:underline" href={`/w/${slug}/admin/settings/sso`}>
            Single sign-on
          </Link>
        }
      />
      <SettingsForm
        slug={slug}
        initial={{
          cadence: workspace.cadence,
          cycleOpenDay: workspace.cycleOpenDay,
          cycleLengthDays: workspace.cycleLengthDays,
          autoSchedule: workspace.autoSchedule,
          confidentialityThreshold: workspace.confidentialityThreshold,
          surveyMode: workspace.surveyMode,
        }}
      />
      <div className="mt-8">
        <SharingForm slug={slug} initial={workspace.partnerSharing} />
      </div>
      <div className="mt-8">
        <RenewalForm slug={slug} initial={workspace.renewalReviewDays} />
      </div>
    </>
  );
}
