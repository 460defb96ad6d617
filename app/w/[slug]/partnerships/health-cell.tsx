import { BandBadge } from "../../../_components/band-badge";
import { change, changeClass, score } from "../../../_lib/format";
import type { RouterOutputs } from "~/server/trpc/types";

type Health = NonNullable<RouterOutputs["partnership"]["search"]["rows"][number]["health"]>;

// A partnership's current health as its scorecard shows it: the figure of the latest cycle that may
// be shown, its band and change; and, where a newer cycle is withheld, why, in brief.
export function HealthCell({ health }: { health: Health | null }) {
  if (!health) return <span className="text-slate-400">–</span>;
  return (
    <div className="space-y-0.5">
      <div className="flex items-center gap-2">
        {health.health !== null ? <span className="font-semibold tabular-nums text-slate-900">{score(health.health)}</span> : null}
        {health.health === null && health.withheld ? (
          <span className="text-xs font-medium text-slate-600">Not shown</span>
        ) : (
          <BandBadge band={health.band} />
        )}
      </div>
      {health.cycleLabel ? (
        <p className="text-xs text-slate-500">
          {health.cycleLabel}
          {health.change !== null ? <span className={`ml-1 ${changeClass(health.change)}`}>{change(health.change)}</span> : null}
        </p>
      ) : null}
      {health.withheld ? (
        <p className="text-xs text-amber-800">
          {health.withheld.cycleLabel}: {health.withheld.text}
          {health.health !== null ? "; showing the last cycle with enough" : ""}
        </p>
      ) : null}
    </div>
  );
}
