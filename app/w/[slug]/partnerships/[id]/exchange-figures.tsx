import { Table } from "../../../../_components/table";
import { indexSentence, type ExchangeFigures } from "~/server/services/exchange/figures";

// The give/get balance of a stretch of the partnership (since the last retro, since the last
// renewal review), one row per side, as the retro summary and the renewal review show it.
export function ExchangeFiguresTable({ figures, caption }: { figures: ExchangeFigures; caption: string }) {
  const other = (side: string) => figures.sides.find((s) => s.side !== side)!;
  return (
    <div className="space-y-2">
      <Table
        caption={caption}
        bleed={false}
        columns={[
          { label: "Side" },
          { label: "Asks made" },
          { label: "Fulfilled by the other side" },
          { label: "Offers delivered" },
          { label: "Value received" },
        ]}
      >
        {figures.sides.map((s) => (
          <tr key={s.side}>
            <td className="text-slate-900">{s.name}</td>
            <td>{s.asksMade}</td>
            <td>
              {other(s.side).asksFulfilled} of {s.asksMade}
            </td>
            <td>
              {s.offersDelivered} of {s.offersMade}
            </td>
            <td>{s.valueReceived}</td>
          </tr>
        ))}
      </Table>
      <p className="text-sm text-slate-700">{indexSentence(figures)}</p>
    </div>
  );
}
