"use client";
import clsx from "clsx";
import { useLinkStatus } from "next/link";

// A small pulsing dot inside a <Link> while the page it leads to is loading. Pages have no
// loading.tsx skeleton (see app/w/[slug]/layout.tsx), so this is what shows that a click was taken.
// It fades in only after a short delay, so a fast navigation does not flicker.
export function PendingMark() {
  const { pending } = useLinkStatus();
  return (
    <span
      aria-hidden
      data-pending={pending || undefined}
      className={clsx("ml-2 inline-flex align-middle", pending ? "opacity-100 transition-opacity delay-150 duration-200" : "opacity-0")}
    >
      <span className={clsx("h-1.5 w-1.5 rounded-full bg-brand-600", pending && "animate-pulse")} />
    </span>
  );
}
