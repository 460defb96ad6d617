// The heatmap: every matching partnership sorted on the server, one page of rows sent, each with
// its health and pillar scores of the current cycle and their change since the previous score.
import type { ScoredCycle } from "../cycle-scores";
import { badRequest } from "../../access/errors";
import { changeOf, type Privacy } from "../confidentiality";
import { band, round1 } from "../scoring";
import { pairKey, type HealthMatrix, type PillarTable } from "./queries";
import { viewOfCell, type Standing } from "./rows";

export type SortDir = "asc" | "desc";

// Names read A-Z first; scores and changes highest first.
const naturalDir = (column: string): SortDir => (column === "name" ? "asc" : "desc");

const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

export function resolveSort(column: string, dir: SortDir | undefined, pillarKeys: { key: string }[]) {
  if (column.startsWith("pillar:")) {
    const key = column.slice("pillar:".length);
    if (!pillarKeys.some((p) => p.key === key)) throw badRequest(`Cannot sort by "${column}": there is no pillar "${key}" with scores.`);
  }
  return { column, dir: dir ?? naturalDir(column) };
}

// `currentPillar(row, key)` gives the combined pillar score of the row's current cycle.
export function sortRows(
  rows: Standing[],
  sort: { column: string; dir: SortDir },
  currentPillar: (row: Standing, key: string) => number | null,
): Standing[] {
  const sign = sort.dir === "asc" ? 1 : -1;
  const byName = (a: Standing, b: Standing) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1);
  if (sort.column === "name") return [...rows].sort((a, b) => sign * byName(a, b));
  const pillar = sort.column.startsWith("pillar:") ? sort.column.slice("pillar:".length) : null;
  const value = (r: Standing): number | null =>
    pillar !== null ? currentPillar(r, pillar) : sort.column === "change" ? r.change : r.health;
  const keyed = rows.map((r) => ({ r, v: value(r) }));
  // Rows without a figure go last whichever way the column is sorted.
  keyed.sort((a, b) => {
    if (a.v === null || b.v === null) return a.v === b.v ? byName(a.r, b.r) : a.v === null ? 1 : -1;
    return sign * (a.v - b.v) || byName(a.r, b.r);
  });
  return keyed.map((k) => k.r);
}

export function pageOf<T>(rows: T[], number: number, size: number) {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const page = Math.min(number, pages);
  return { items: rows.slice((page - 1) * size, page * size), page: { number: page, size, pages, total: rows.length } };
}

// One heatmap row's pillar cells: the combined pillar scores of its current cycle where that
// cycle's pillar breakdown may be shown, and their change against its previous showable cycle's.
// `history` holds at least those two cycles' pillar rows.
export function pillarCells(
  row: Standing,
  cycles: ScoredCycle[],
  history: PillarTable,
  pillarKeys: { key: string }[],
  matrix: HealthMatrix,
  privacy: Privacy,
) {
  const pillars: Record<string, number | null> = {};
  const pillarBands: Record<string, "HEALTHY" | "WATCH" | "AT_RISK" | null> = {};
  const pillarChanges: Record<string, number | null> = {};
  if (row.current < 0) return { pillars, pillarBands, pillarChanges };
  const shownAt = (index: number) => shownPillars(row.id, cycles[index], matrix, history, privacy);
  const now = shownAt(row.current);
  const before = row.previous >= 0 ? shownAt(row.previous) : null;
  for (const { key } of pillarKeys) {
    const score = now(key);
    pillars[key] = round1(score);
    pillarBands[key] = score === null ? null : band(score);
    pillarChanges[key] = round1(changeOf(score, before ? before(key) : null));
  }
  return { pillars, pillarBands, pillarChanges };
}

// pillar key -> its combined score in one stored cycle where it may be shown, else null.
export function shownPillars(
  partnershipId: string,
  cycle: ScoredCycle | undefined,
  matrix: HealthMatrix,
  table: PillarTable,
  privacy: Privacy,
): (key: string) => number | null {
  const cell = cycle ? matrix.get(partnershipId)?.get(cycle.id) : undefined;
  if (!cycle || !cell) return () => null;
  const pillars = table.get(pairKey(partnershipId, cycle.id));
  const view = viewOfCell(cell, pillars, privacy);
  return (key) => (view.pillar.get(key)?.combined ? (pillars?.get(key)?.combined ?? null) : null);
}
