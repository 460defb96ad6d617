import { Card } from "../../../../_components/card";
import type { Scorecard } from "~/server/services/scorecard";

type Rate = NonNullable<Scorecard["responseRate"]>["host"];

function RateRow({ label, rate }: { label: string; rate: Rate }) {
  if (!rate) return null;
  const text = rate.asked ? `${rate.answered} of ${rate.asked} (${rate.percent}%)` : "nobody asked";
  return (
    <div>
      <dt className="flex justify-between text-sm">
        <span className="font-medium text-slate-800">{label}</span>
        <span className="sr-only">: </span>
      </dt>
      <dd className="mt-1">
        <span className="text-sm tabular-nums text-slate-700">{text}</span>
        <span className="mt-1 block h-2 overflow-hidden rounded-full bg-slate-100" aria-hidden>
          <span className="block h-full rounded-full bg-brand-600" style={{ width: `${rate.percent ?? 0}%` }} />
        </span>
      </dd>
    </div>
  );
}

// Of the people asked in the cycle, how many of each side answered.
export function ResponseRateSection({ rate, card }: { rate: NonNullable<Scorecard["responseRate"]>; card: Scorecard }) {
  return (
    <Card title="Response rate" description={`Of the people asked about this partnership in ${rate.cycleLabel}, how many answered.`}>
      <dl className="grid gap-4 sm:grid-cols-2" data-testid="scorecard-response-rate">
        <RateRow label={card.viewer.hostLabel} rate={rate.host} />
        <RateRow label={card.viewer.partnerLabel} rate={rate.partner} />
      </dl>
    </Card>
  );
}
