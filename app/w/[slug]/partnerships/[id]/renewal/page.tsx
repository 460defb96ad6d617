import Link from "next/link";
import { Alert } from "../../../../../_components/alert";
import { Button } from "../../../../../_components/button";
import { Card, PageHeader } from "../../../../../_components/card";
import { call } from "../../../../../_lib/call";
import { date, titleCase } from "../../../../../_lib/format";
import { ChangePhaseForm } from "./change-phase-form";
import { DecisionForm } from "./decision-form";
import { OpenReviewButton, RestoreButton } from "./lifecycle-buttons";
import { Actions, Gaps, Goals, HealthHistory, PastReviews, PhaseHistory, ValueExchange, type Review } from "./sections";

export const metadata = { title: "Renewal" };
export const dynamic = "force-dynamic";

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const DECISION_LABEL = { RENEW: "renew", REVISE_TERMS: "revise terms", EXIT: "exit" } as const;

// Where the review stands, at the top: the evidence follows, and the decision comes last, after it.
function ReviewState({ page }: { page: Review }) {
  const { partnership: p, openReview: review, viewer } = page;
  if (p.archivedAt) return null;
  if (review) {
    return (
      <Alert tone="info">
        <p>
          <strong>Renewal review open</strong> for the renewal on {date(review.renewalDate)}; opened {date(review.openedAt)}
          {review.openedByName ? ` by ${review.openedByName}` : " automatically"}.{" "}
          {viewer.canDecide ? (
            <>
              The evidence is below; the decision is recorded{" "}
              <a href="#decision" className="font-medium underline underline-offset-2">
                at the end
              </a>
              .
            </>
          ) : (
            "The partnership's owner or a workspace admin records the decision, after the evidence below."
          )}
        </p>
      </Alert>
    );
  }
  return null;
}

// The decision, after the evidence it rests on; or how and when the next review opens.
function Decision({ slug, page }: { slug: string; page: Review }) {
  const { partnership: p, openReview: review, viewer } = page;
  if (p.archivedAt) return null;
  if (review) {
    if (!viewer.canDecide) return null;
    return (
      <section id="decision" aria-labelledby="decision-title" className="scroll-mt-6">
        <Card
          title={<span id="decision-title">Decision</span>}
          description={`For the renewal on ${date(review.renewalDate)}, in the light of the evidence above.`}
        >
          <DecisionForm slug={slug} partnershipId={p.id} reviewId={review.id} minDate={isoDay(review.earliestNext)} />
        </Card>
      </section>
    );
  }
  const canOpen = viewer.canDecide && p.renewalDate && !page.currentDateReviewed;
  return (
    <Card title="Renewal review">
      <p className="text-sm text-slate-600">
        {!p.renewalDate || !page.reviewOpensAt
          ? `${p.name} has no renewal date, so no review is due. An admin sets it in the partnership's settings.`
          : page.currentDateReviewed
            ? `The renewal on ${date(p.renewalDate)} has been reviewed (${DECISION_LABEL[page.currentDateReviewed]}). The next review opens once an admin sets the next renewal date in the partnership's settings.`
            : page.reviewDue
              ? `${p.name} renews on ${date(p.renewalDate)}. Its review is due and opens on its own within a minute.`
              : `${p.name} renews on ${date(p.renewalDate)}. Its review opens on its own ${page.reviewDays} days before, on ${date(page.reviewOpensAt)}; its owner can open it earlier.`}
      </p>
      {canOpen ? (
        <div className="mt-4">
          <OpenReviewButton slug={slug} partnershipId={p.id} />
        </div>
      ) : null}
    </Card>
  );
}

export default async function RenewalPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const page = await call((api) => api.lifecycle.review({ workspaceSlug: slug, partnershipId: id }));
  const { partnership: p, viewer } = page;
  const base = `/w/${slug}/partnerships/${p.id}`;

  return (
    <>
      <PageHeader
        title={`Renewal and lifecycle · ${p.name}`}
        description={
          <>
            {p.partnerName} · {titleCase(p.phase)}
            {p.ownerName ? ` · owner ${p.ownerName}` : ""}
            {p.renewalDate ? ` · renewal ${date(p.renewalDate)}` : " · no renewal date"}
          </>
        }
        action={
          <div className="flex gap-2">
            <Button asChild variant="secondary" size="sm">
              <Link href={base}>Scorecard</Link>
            </Button>
            <Button asChild variant="secondary" size="sm">
              <a href={`${base}/renewal/export`} download>
                Download history (CSV)
              </a>
            </Button>
          </div>
        }
      />
      <div className="space-y-6">
        {p.archivedAt ? (
          <Alert tone="info">
            <div className="space-y-3">
              <p>
                <strong>Archived on {date(p.archivedAt)}.</strong> {p.name} has exited: it is out of the portfolio and read-only. Its
                scores, actions, goals and decisions are all kept, and the history can be downloaded.
              </p>
              {viewer.canRestore ? <RestoreButton slug={slug} partnershipId={p.id} name={p.name} /> : null}
            </div>
          </Alert>
        ) : null}
        <ReviewState page={page} />
        <HealthHistory health={page.health} />
        <Gaps gaps={page.gaps} />
        <Actions actions={page.actions} />
        <Goals goals={page.goals} />
        <ValueExchange exchange={page.exchange} />
        <Decision slug={slug} page={page} />
        <PastReviews reviews={page.pastReviews} />
        <Card title="Phase history" description="Every change of phase, who made it and why. Nothing is deleted by a phase change.">
          <PhaseHistory changes={page.phaseChanges} />
          {viewer.canDecide && !page.openReview ? (
            <div className="mt-6 border-t border-slate-100 pt-4">
              <ChangePhaseForm key={p.phase} slug={slug} partnershipId={p.id} current={p.phase} />
            </div>
          ) : null}
        </Card>
      </div>
    </>
  );
}
