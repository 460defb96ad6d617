"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import type { ReactNode } from "react";
import { errorMessage, useTRPC } from "~/server/trpc/client";
import { Alert } from "../../../_components/alert";
import { Button } from "../../../_components/button";

function useRefreshAfter() {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries(trpc.notification.unreadCount.queryFilter());
    router.refresh();
  };
}

function useMarkRead() {
  const trpc = useTRPC();
  return useMutation(trpc.notification.markRead.mutationOptions({ onSuccess: useRefreshAfter() }));
}

function useMarkAllRead() {
  const trpc = useTRPC();
  return useMutation(trpc.notification.markAllRead.mutationOptions({ onSuccess: useRefreshAfter() }));
}

// Following a notification's link marks it read.
export function NotificationLink({
  slug,
  id,
  href,
  unread,
  children,
}: {
  slug: string;
  id: string;
  href: string;
  unread: boolean;
  children: ReactNode;
}) {
  const markRead = useMarkRead();
  return (
    <Link
      href={href}
      onClick={() => {
        if (unread) markRead.mutate({ workspaceSlug: slug, notificationId: id });
      }}
      className="font-medium text-brand-700 hover:underline"
    >
      {children}
    </Link>
  );
}

export function MarkReadButton({ slug, id, title }: { slug: string; id: string; title: string }) {
  const markRead = useMarkRead();
  return (
    <Button
      variant="ghost"
      size="sm"
      disabled={markRead.isPending}
      aria-label={`Mark read: ${title}`}
      onClick={() => markRead.mutate({ workspaceSlug: slug, notificationId: id })}
    >
      Mark read
    </Button>
  );
}

export function MarkAllReadButton({ slug }: { slug: string }) {
  const markRead = useMarkAllRead();
  return (
    <div className="flex flex-col items-end gap-2">
      <Button variant="secondary" size="sm" disabled={markRead.isPending} onClick={() => markRead.mutate({ workspaceSlug: slug })}>
        {markRead.isPending ? "Marking…" : "Mark all read"}
      </Button>
      <Alert tone="error">{markRead.error ? errorMessage(markRead.error) : null}</Alert>
    </div>
  );
}
