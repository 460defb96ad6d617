// Which sections a person sees in the navigation, from what their role may do (the access
// module's capabilities, as workspace.current reports them). Access itself is enforced by the
// procedures; this only keeps people from being shown doors they cannot open.
import type { Capabilities } from "~/server/access/roles";

export interface NavItem {
  href: string;
  label: string;
}

export function navItems(slug: string, can: Capabilities): { main: NavItem[]; admin: NavItem[] } {
  const base = `/w/${slug}`;
  const host = can.seeAllPartnerships;
  return {
    main: [
      ...(host ? [{ href: `${base}/portfolio`, label: "Portfolio" }] : []),
      { href: `${base}/partnerships`, label: host ? "Partnerships" : "Our partnership" },
      ...(can.write ? [{ href: `${base}/actions`, label: "My actions" }] : []),
      // Goals across partnerships, behind schedule first: for the company's people.
      ...(host ? [{ href: `${base}/goals`, label: "Goals" }] : []),
      ...(can.write ? [{ href: `${base}/surveys`, label: "Surveys" }] : []),
      ...(host ? [{ href: `${base}/cycles`, label: "Cycles" }] : []),
      ...(host ? [{ href: `${base}/framework`, label: "Framework" }] : []),
    ],
    admin: can.administer
      ? [
          { href: `${base}/admin/partners`, label: "Partners" },
          { href: `${base}/admin/members`, label: "Members" },
          { href: `${base}/admin/import`, label: "Import" },
          { href: `${base}/admin/outbox`, label: "Outbox" },
          { href: `${base}/admin/settings`, label: "Settings" },
          { href: `${base}/admin/api-tokens`, label: "API tokens" },
          { href: `${base}/admin/integrations`, label: "Integrations" },
          { href: `${base}/admin/webhooks`, label: "Webhooks" },
          { href: `${base}/admin/audit`, label: "Audit log" },
        ]
      : [],
  };
}
