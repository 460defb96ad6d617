"use client";
import { useRouter } from "next/navigation";
import { useEffect } from "react";

// While a delivery is still waiting for its job, the log reloads itself every few seconds.
export function RefreshWhilePending({ pending }: { pending: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (!pending) return;
    const timer = setInterval(() => router.refresh(), 2000);
    return () => clearInterval(timer);
  }, [pending, router]);
  return null;
}
