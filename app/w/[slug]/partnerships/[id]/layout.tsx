import type { ReactNode } from "react";
import { Alert } from "../../../../_components/alert";
import { call } from "../../../../_lib/call";
import { PartnershipTabs } from "./partnership-tabs";

export const dynamic = "force-dynamic";

// Every page of one partnership (scorecard, retro, actions, goals, exchange, renewal) under one tab bar.
export default async function PartnershipLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ slug: string; id: string }>;
}) {
  const { slug, id } = await params;
  const access = await call((api) => api.partnership.workAccess({ workspaceSlug: slug, partnershipId: id }));
  const base = `/w/${slug}/partnerships/${id}`;
  const tabs = [
    { href: base, label: "Scorecard", exact: true },
    ...(access.work
      ? [
          { href: `${base}/retro`, label: "Retro" },
          { href: `${base}/actions`, label: "Actions" },
          { href: `${base}/goals`, label: "Goals" },
          { href: `${base}/exchange`, label: "Exchange" },
        ]
      : []),
    ...(access.team ? [{ href: `${base}/team`, label: "Team" }] : []),
    ...(access.renewal ? [{ href: `${base}/renewal`, label: "Lifecycle & renewal" }] : []),
  ];
  return (
    <>
      {tabs.length > 1 ? <PartnershipTabs tabs={tabs} /> : null}
      {access.archived ? (
        <Alert tone="warning" className="mb-6 print:hidden">
          This partnership has exited and is archived: its history is kept and read-only. An owner or admin can restore it from Lifecycle
          &amp; renewal.
        </Alert>
      ) : null}
      {children}
    </>
  );
}
