import { Alert } from "../../../../_components/alert";
import { Card } from "../../../../_components/card";
import { Table } from "../../../../_components/table";
import { SideComparisonChart } from "../../../../_components/charts/side-comparison-chart";
import { score } from "../../../../_lib/format";
import type { Scorecard } from "~/server/services/scorecard";

// "Your team and Globex" / "Northwind Alliances and your team".
export const sidesName = (card: Scorecard) => {
  const lower = (label: string) => (label === "Your team" ? "your team" : label);
  return `${card.viewer.hostLabel} and ${lower(card.viewer.partnerLabel)}`;
};

// Host against partner per pillar, with perception gaps flagged and said in words.
export function SidesSection({ card }: { card: Scorecard }) {
  const { hostLabel, partnerLabel } = card.viewer;
  const flagged = card.pillars.filter((p) => p.gapSentence);
  return (
    <Card
      title="Host and partner"
      description={
        <>
          <span data-testid="sides-title" className="font-medium text-slate-700">
            {sidesName(card)}
            {card.sides.cycleLabel ? `, ${card.sides.cycleLabel}` : ""}
          </span>
          <span className="block">
            Each side&apos;s score per pillar. Gaps of 20 points or more are flagged: the two sides see the partnership differently.
          </span>
        </>
      }
    >
      {card.sides.notes.map((note) => (
        <Alert key={note} tone="info" className="mb-3">
          {note}
        </Alert>
      ))}
      {flagged.length ? (
        <ul className="mb-4 space-y-1" aria-label="Perception gaps">
          {flagged.map((p) => (
            <li key={p.key} className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">
              <strong>Perception gap:</strong> {p.gapSentence}
            </li>
          ))}
        </ul>
      ) : card.sides.hostVisible && card.sides.partnerVisible ? (
        <p className="mb-4 text-sm text-slate-600">No perception gap: the two sides are within 20 points of each other on every pillar.</p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-2">
        {card.sides.hostVisible || card.sides.partnerVisible ? (
          <SideComparisonChart
            hostLabel={hostLabel}
            partnerLabel={partnerLabel}
            data={card.pillars.map((p) => ({ name: p.name, host: p.host, partner: p.partner }))}
          />
        ) : (
          <p className="self-center text-center text-sm text-slate-500">No side can be shown separately yet.</p>
        )}
        <div className="self-start">
          <Table
            caption="Scores per pillar for each side, and the gap between them"
            bleed={false}
            columns={[
              { label: "Pillar" },
              { label: hostLabel, align: "right" },
              { label: partnerLabel, align: "right" },
              { label: "Gap", align: "right" },
            ]}
          >
            {card.pillars.map((p) => (
              <tr key={p.key} data-testid={`sides-${p.key}`}>
                <th scope="row" className="font-medium text-slate-900">
                  {p.name}
                </th>
                <td className="text-right tabular-nums">{p.hostShown ? score(p.host) : "hidden"}</td>
                <td className="text-right tabular-nums">{p.partnerShown ? score(p.partner) : "hidden"}</td>
                <td className="text-right tabular-nums">
                  {p.gap === null ? (
                    "–"
                  ) : p.gapFlagged ? (
                    <span className="whitespace-nowrap font-semibold text-amber-800">{Math.round(p.gap)} ⚑ gap</span>
                  ) : (
                    Math.round(p.gap)
                  )}
                </td>
              </tr>
            ))}
          </Table>
        </div>
      </div>
    </Card>
  );
}
