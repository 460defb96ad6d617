"use client";
import { useSyncExternalStore, type ReactNode } from "react";
import { createPortal } from "react-dom";

const noSubscription = () => () => {};
// The slot's id, written out in app/layout.tsx too (a server component cannot import from here).
const PAGE_SKIP_LINK_SLOT = "page-skip-link";

// A page's own skip link, put in the slot at the very start of the body (app/layout.tsx), so it is
// the first tab stop, before the layout's "Skip to content". `target` finds what to focus when it
// is followed; the link's address is the fallback should that find nothing.
export function PageSkipLink({ href, target, children }: { href: string; target: () => HTMLElement | null; children: ReactNode }) {
  const slot = useSyncExternalStore(
    noSubscription,
    () => document.getElementById(PAGE_SKIP_LINK_SLOT),
    () => null,
  );
  if (!slot) return null;
  return createPortal(
    <a
      href={href}
      onClick={(e) => {
        const element = target();
        if (!element) return;
        e.preventDefault();
        element.focus();
        element.scrollIntoView({ block: "center" });
      }}
      className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:shadow"
    >
      {children}
    </a>,
    slot,
  );
}
