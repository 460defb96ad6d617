"use client";
import clsx from "clsx";
import { useEffect, useRef, useState, type ReactNode } from "react";

// A region that scrolls sideways (a wide table on a phone): named, reachable by keyboard when it
// does scroll (arrow keys move it once focused), and showing that it scrolls with a fade at the
// edge that has more. When everything fits it is a plain box, with no extra tab stop.
export function ScrollRegion({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [more, setMore] = useState({ left: false, right: false });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const right = el.scrollWidth - el.clientWidth - el.scrollLeft > 1;
      const left = el.scrollLeft > 1;
      setMore((m) => (m.left === left && m.right === right ? m : { left, right }));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    el.addEventListener("scroll", measure, { passive: true });
    return () => {
      observer.disconnect();
      el.removeEventListener("scroll", measure);
    };
  }, []);
  const scrolls = more.left || more.right;
  return (
    <div className={clsx("relative", className)}>
      <div
        ref={ref}
        role={scrolls ? "region" : undefined}
        aria-label={scrolls ? `${label} (scrolls sideways)` : undefined}
        tabIndex={scrolls ? 0 : undefined}
        // Positioned, so visually hidden cells inside stay inside what it clips.
        className="relative overflow-x-auto focus-visible:outline-2 focus-visible:outline-brand-600"
      >
        {children}
      </div>
      {more.right ? (
        <div aria-hidden className="pointer-events-none absolute inset-y-0 right-0 w-8 bg-gradient-to-l from-white to-transparent" />
      ) : null}
      {more.left ? (
        <div aria-hidden className="pointer-events-none absolute inset-y-0 left-0 w-8 bg-gradient-to-r from-white to-transparent" />
      ) : null}
    </div>
  );
}
