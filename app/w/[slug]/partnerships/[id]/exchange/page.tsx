import { Alert } from "../../../../../_components/alert";
import { Card, EmptyState, PageHeader } from "../../../../../_components/card";
import { call } from "../../../../../_lib/call";
import { isoDay } from "../../../../../_lib/format";
import { requireWork } from "../require-work";
import { BalanceSection } from "./balance-section";
import { ItemCard } from "./item-card";
import { MoveNotesProvider } from "./move-notes";
import { NewItemForm } from "./new-item-form";
import { GROUPS, type Side } from "./words";

export const metadata = { title: "Exchange" };
export const dynamic = "force-dynamic";

// The value exchange of one partnership: the give/get balance from the viewer's side, the asks
// and offers of both sides by where they stand, the moves the viewer may make on each, and the
// form to make a new one.
export default async function ExchangePage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  await requireWork(slug, id);
  const data = await call((api) => api.exchange.list({ workspaceSlug: slug, partnershipId: id }));
  const { partnership: p, names, viewerSide } = data;
  const other: Side = viewerSide === "HOST" ? "PARTNER" : "HOST";
  const base = `/w/${slug}/partnerships/${p.id}`;
  const today = new Date(`${isoDay(new Date())}T00:00:00Z`);
  const writable = data.canWrite && !p.archived;

  return (
    <>
      <PageHeader
        title={`Exchange · ${p.name}`}
        description={`What ${names.HOST} and ${names.PARTNER} ask of each other and offer each other: what exactly, of whom, by when and why, and whether it came.`}
      />
      <div className="space-y-6">
        {p.archived ? (
          <Alert>This partnership is archived: its exchange is kept and readable, but cannot be changed until it is restored.</Alert>
        ) : null}

        <BalanceSection
          periods={[
            { title: data.words.cycle ? `This cycle (${data.words.cycle.label})` : "This cycle", words: data.words.cycle },
            { title: `This year (${data.words.year.year})`, words: data.words.year },
          ]}
        />

        <MoveNotesProvider>
          {data.items.length === 0 ? (
            <EmptyState title="No asks or offers yet">
              {writable
                ? `Make the first one below: what you need from ${names[other]}, or what you bring them.`
                : "Neither side has made an ask or an offer yet."}
            </EmptyState>
          ) : (
            GROUPS.map((g) => {
              const items = data.items.filter((i) => g.statuses.includes(i.status));
              return (
                <Card key={g.key} title={`${g.title} (${items.length})`} description={g.description}>
                  {items.length === 0 ? (
                    <p className="text-sm text-slate-600">None.</p>
                  ) : (
                    <ul className="space-y-3">
                      {items.map((item) => (
                        <ItemCard key={item.id} item={item} slug={slug} base={base} names={names} today={today} />
                      ))}
                    </ul>
                  )}
                </Card>
              );
            })
          )}
        </MoveNotesProvider>

        {writable ? (
          <Card
            title="Make an ask or an offer"
            description={`A clear ask names what exactly, of which person or role at ${names[other]}, by when, and why it matters.`}
          >
            <NewItemForm
              slug={slug}
              partnershipId={p.id}
              otherName={names[other]}
              people={data.people.filter((person) => person.side === other)}
              today={isoDay(new Date())}
            />
          </Card>
        ) : null}
      </div>
    </>
  );
}
