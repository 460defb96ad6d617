import clsx from "clsx";
import Link from "next/link";
import { Button } from "../../../_components/button";
import { Card, EmptyState, PageHeader } from "../../../_components/card";
import { call } from "../../../_lib/call";
import { date } from "../../../_lib/format";
import { MarkAllReadButton, MarkReadButton, NotificationLink } from "./notification-actions";

export const metadata = { title: "Notifications" };
export const dynamic = "force-dynamic";

const KIND: Record<string, string> = {
  HEALTH_DROP: "Health drop",
  PILLAR_AT_RISK: "Pillar at risk",
  PERCEPTION_GAP: "Perception gap",
  RENEWAL_REVIEW: "Renewal review",
  ACTION_DUE: "Action due",
  ACTION_HANDED_OVER: "Action handed over",
  OWNER_NEEDED: "Needs an owner",
  EXCHANGE: "Ask or offer",
  ONE_SIDED_EXCHANGE: "One-sided exchange",
};

export default async function NotificationsPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ before?: string }>;
}) {
  const { slug } = await params;
  const { before } = await searchParams;
  const cursor = typeof before === "string" && before.length > 0 && before.length <= 64 ? before : undefined;
  const [page, unread] = await call((api) =>
    Promise.all([api.notification.list({ workspaceSlug: slug, cursor }), api.notification.unreadCount({ workspaceSlug: slug })]),
  );

  return (
    <>
      <PageHeader
        title="Notifications"
        description="Alerts about the partnerships you own, renewal reviews coming due, and the asks and offers of your partnerships. Newest first."
        action={unread > 0 ? <MarkAllReadButton slug={slug} /> : null}
      />
      {page.items.length === 0 ? (
        <EmptyState title={cursor ? "No older notifications" : "No notifications yet"}>
          You hear here (and by email) when a partnership you own drops 10 points or more, a pillar enters the at-risk band, a perception
          gap appears, its exchange becomes one-sided, or a renewal review opens; and when someone on your partnerships makes, answers or
          delivers an ask or offer, or an ask you owe is overdue.
        </EmptyState>
      ) : (
        <Card>
          <ul className="divide-y divide-slate-100" aria-label="Notifications">
            {page.items.map((n) => {
              const unreadItem = n.readAt === null;
              return (
                <li key={n.id} className="flex items-start justify-between gap-3 py-3">
                  <div className="flex items-start gap-3">
                    <span
                      aria-hidden
                      className={clsx("mt-1.5 h-2 w-2 shrink-0 rounded-full", unreadItem ? "bg-brand-600" : "bg-transparent")}
                    />
                    <div>
                      <NotificationLink slug={slug} id={n.id} href={n.link} unread={unreadItem}>
                        {n.title}
                      </NotificationLink>
                      {unreadItem ? <span className="sr-only"> (unread)</span> : null}
                      <p className="text-sm text-slate-700">{n.body}</p>
                      <p className="text-xs text-slate-500">
                        {KIND[n.kind] ?? n.kind} · {date(n.createdAt)}
                      </p>
                    </div>
                  </div>
                  {unreadItem ? <MarkReadButton slug={slug} id={n.id} title={n.title} /> : null}
                </li>
              );
            })}
          </ul>
          {page.nextCursor || cursor ? (
            <div className="mt-4 flex gap-2">
              {cursor ? (
                <Button asChild variant="secondary" size="sm">
                  <Link href={`/w/${slug}/notifications`}>Newest</Link>
                </Button>
              ) : null}
              {page.nextCursor ? (
                <Button asChild variant="secondary" size="sm">
                  <Link href={`/w/${slug}/notifications?before=${page.nextCursor}`}>Older</Link>
                </Button>
              ) : null}
            </div>
          ) : null}
        </Card>
      )}
    </>
  );
}
