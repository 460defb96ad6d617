// The world the value exchange's integration tests share: buildWorld's workspace (two partner
// organisations, a partnership each, a manager, an executive, contacts) and a second contact of
// organisation A, with the inputs that address partnership A and an item.
import { addMember } from "../../prisma/factories";
import { buildWorld, callerFor, db } from "./helpers";

export const DAY = 86_400_000;
// A day `offset` days from today, as a date input takes it.
export const ymd = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);

export async function exchangeWorld() {
  const w = await buildWorld();
  const colleague = await addMember(db(), w.workspace.id, { role: "PARTNER", partnerOrgId: w.orgA.id });
  return { ...w, colleague: { ...colleague, api: callerFor(colleague.user.id) } };
}
export type World = Awaited<ReturnType<typeof exchangeWorld>>;
export type Api = World["manager"]["api"];

export const A = (w: World) => ({ workspaceSlug: w.slug, partnershipId: w.partnershipA.id });
export const one = (w: World, itemId: string) => ({ workspaceSlug: w.slug, itemId });
