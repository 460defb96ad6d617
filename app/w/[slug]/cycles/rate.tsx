// "7 of 12 (58%)", or a dash when nobody is asked.
export function RateText({ rate }: { rate: { asked: number; answered: number; percent: number | null } }) {
  if (rate.percent === null) return <span className="text-slate-400">–</span>;
  return (
    <span>
      {rate.answered} of {rate.asked} <span className="text-slate-500">({rate.percent}%)</span>
    </span>
  );
}
