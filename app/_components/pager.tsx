// A counted list's pager: "41–60 of 154" and the way to the pages before and after, as links, so
// each page has its own address (a reload or a shared link shows the same page; Back works).
import Link from "next/link";
import { Button } from "./button";

export interface PageCounts {
  number: number;
  pages: number;
  total: number;
  from: number;
  to: number;
}

export function Pager({ page, href, noun }: { page: PageCounts; href: (page: number) => string; noun: string }) {
  if (page.total === 0) return null;
  return (
    <nav aria-label={`Pages of ${noun}`} className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600">
      <p aria-live="polite">
        {page.from}–{page.to} of {page.total} {noun}
      </p>
      {page.pages > 1 ? (
        <div className="flex items-center gap-2">
          {page.number > 1 ? (
            <Button asChild variant="secondary" size="sm">
              <Link href={href(page.number - 1)} rel="prev">
                Previous
              </Link>
            </Button>
          ) : null}
          <span>
            Page {page.number} of {page.pages}
          </span>
          {page.number < page.pages ? (
            <Button asChild variant="secondary" size="sm">
              <Link href={href(page.number + 1)} rel="next">
                Next
              </Link>
            </Button>
          ) : null}
        </div>
      ) : null}
    </nav>
  );
}
