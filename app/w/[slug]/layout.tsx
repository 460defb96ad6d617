import Link from "next/link";
import type { ReactNode } from "react";
import { call } from "../../_lib/call";
import { ROLE_LABEL } from "../../_lib/format";
import { Nav } from "./nav";
import { navItems } from "./nav-items";
import { NotificationBell } from "./notification-bell";
import { UserMenu } from "./user-menu";

export const dynamic = "force-dynamic";

// No loading.tsx under this layout, on purpose. A loading boundary makes React send the shell
// (status 200) before the page below it has run, so a page or the partnership layout that then
// answers not found or no access could only show it, never say it in the HTTP status. Without one,
// every page's access-deciding call runs before the first byte and the status is real: 404 or 403.
// A page may still stream a slow part in its own <Suspense>, after its access call has returned.
// Navigation feedback instead comes from the links themselves (PendingMark in the nav and tabs).
export default async function WorkspaceLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const [workspace, workspaces, unread] = await call((api) =>
    Promise.all([
      api.workspace.current({ workspaceSlug: slug }),
      api.workspace.mine(),
      api.notification.unreadCount({ workspaceSlug: slug }),
    ]),
  );
  const roleLabel = workspace.partnerOrgName ? `${workspace.partnerOrgName} · partner contact` : ROLE_LABEL[workspace.role]!;
  const nav = navItems(workspace.slug, workspace.can);
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white print:hidden">
        <div className="mx-auto flex max-w-7xl items-center justify-between gap-4 px-4 py-3 sm:px-6">
          <Link href={`/w/${workspace.slug}`} className="flex items-center gap-2">
            <span className="flex h-8 w-8 items-center justify-center rounded-md bg-brand-600 text-sm font-bold text-white" aria-hidden>
              {workspace.name[0]}
            </span>
            <span className="font-semibold text-slate-900">{workspace.name}</span>
          </Link>
          <div className="flex items-center gap-2">
            <NotificationBell slug={workspace.slug} initialUnread={unread} />
            <UserMenu
              name={workspace.user.name}
              email={workspace.user.email}
              roleLabel={roleLabel}
              workspaces={workspaces}
              currentSlug={workspace.slug}
            />
          </div>
        </div>
      </header>
      <div className="mx-auto flex max-w-7xl flex-col gap-6 px-4 py-6 sm:px-6 md:flex-row print:block print:max-w-none print:p-0">
        <aside className="md:w-52 md:shrink-0 print:hidden">
          <Nav main={nav.main} admin={nav.admin} />
        </aside>
        <main id="main" className="min-w-0 flex-1">
          {children}
        </main>
      </div>
    </div>
  );
}
