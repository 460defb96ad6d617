// Which sections each role sees in the navigation. Access itself is enforced by the procedures;
// this only keeps people from being shown doors they cannot open.
type Role = "OWNER" | "ADMIN" | "MANAGER" | "EXECUTIVE" | "PARTNER";

export interface NavItem {
  href: string;
  label: string;
}

export function navItems(slug: string, role: Role): { main: NavItem[]; admin: NavItem[] } {
  const base = `/w/${slug}`;
  const host = role !== "PARTNER";
  const answers = role !== "EXECUTIVE";
  const admin = role === "OWNER" || role === "ADMIN";
  return {
    main: [
      ...(host ? [{ href: `${base}/portfolio`, label: "Portfolio" }] : []),
      { href: `${base}/partnerships`, label: host ? "Partnerships" : "Our partnership" },
      ...(answers ? [{ href: `${base}/actions`, label: "My actions" }] : []),
      ...(answers ? [{ href: `${base}/surveys`, label: "Surveys" }] : []),
      ...(host ? [{ href: `${base}/cycles`, label: "Cycles" }] : []),
      ...(host ? [{ href: `${base}/framework`, label: "Framework" }] : []),
    ],
    admin: admin
      ? [
          { href: `${base}/admin/partners`, label: "Partners" },
          { href: `${base}/admin/members`, label: "Members" },
          { href: `${base}/admin/outbox`, label: "Outbox" },
          { href: `${base}/admin/settings`, label: "Settings" },
        ]
      : [],
  };
}
