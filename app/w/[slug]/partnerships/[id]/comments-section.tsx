"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage, useTRPC } from "~/server/trpc/client";
import { Alert } from "../../../../_components/alert";
import { Button } from "../../../../_components/button";
import { Card } from "../../../../_components/card";
import type { CommentsPage } from "~/server/services/scorecard";

// Pages merged into one list per pillar, newest cycle first (pages arrive newest first).
function merge(pages: CommentsPage[]) {
  const pillars: CommentsPage["pillars"] = [];
  for (const page of pages) {
    for (const p of page.pillars) {
      const existing = pillars.find((x) => x.key === p.key);
      if (existing) existing.comments.push(...p.comments);
      else pillars.push({ ...p, comments: [...p.comments] });
    }
  }
  return {
    pillars,
    cycleLabels: pages.flatMap((p) => p.cycleLabels),
    withheld: pages.flatMap((p) => p.withheld),
    nextOffset: pages.at(-1)?.nextOffset ?? null,
  };
}

// Comments grouped by pillar, each labelled with its side and cycle; older cycles on request.
export function CommentsSection({ slug, partnershipId, first }: { slug: string; partnershipId: string; first: CommentsPage }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [pages, setPages] = useState<CommentsPage[]>([first]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const all = merge(pages);

  async function showOlder() {
    if (all.nextOffset === null) return;
    setLoading(true);
    setError(null);
    try {
      const page = await queryClient.fetchQuery(
        trpc.partnership.scorecardComments.queryOptions({ workspaceSlug: slug, partnershipId, offset: all.nextOffset }),
      );
      if (page) setPages((prev) => [...prev, page]);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }

  const span = all.cycleLabels.length > 1 ? `${all.cycleLabels.at(-1)} to ${all.cycleLabels[0]}` : (all.cycleLabels[0] ?? "");
  return (
    <Card
      title="Comments"
      description={`What people wrote about each pillar, newest cycle first${span ? ` (${span})` : ""}. Comments of a side show only when enough of that side answered.`}
    >
      {all.withheld.length ? (
        <Alert tone="info" className="mb-4">
          <ul className="space-y-0.5" aria-label="Withheld comments">
            {all.withheld.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {all.pillars.length === 0 ? (
        <p className="text-sm text-slate-600">No comments to show for these cycles.</p>
      ) : (
        <div className="grid gap-6 md:grid-cols-2">
          {all.pillars.map((p) => (
            <section key={p.key} aria-labelledby={`comments-${p.key}`}>
              <h3 id={`comments-${p.key}`} className="text-sm font-semibold text-slate-900">
                {p.name} <span className="font-normal text-slate-500">({p.comments.length})</span>
              </h3>
              <ul className="mt-2 space-y-2">
                {p.comments.map((c, i) => (
                  <li key={i} className="rounded-md bg-slate-50 px-3 py-2 ring-1 ring-slate-200">
                    <p className="text-sm text-slate-800">“{c.text}”</p>
                    <p className="mt-1 text-xs text-slate-500">
                      {c.author ? `${c.author}, ` : ""}
                      {c.sideLabel} · {c.cycleLabel}
                    </p>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
      {all.nextOffset !== null ? (
        <div className="mt-4 flex items-center gap-3 print:hidden">
          <Button variant="secondary" size="sm" onClick={showOlder} disabled={loading}>
            {loading ? "Loading…" : "Show older comments"}
          </Button>
          {error ? <Alert tone="error">{error}</Alert> : null}
        </div>
      ) : null}
    </Card>
  );
}
