// The portfolio view as URL query parameters, so a link shares exactly what one sees. Reading is
// forgiving: a parameter that no longer makes sense (an old link) is dropped, not an error page.
import {
  DEFAULT_PAGE_SIZE,
  filtersSchema,
  overviewInput,
  sortSchema,
  type OverviewInput,
  type PortfolioFilters,
} from "~/server/services/portfolio/schema";

export const FILTER_KEYS = ["tier", "phase", "owner", "region", "industry", "band"] as const;

export interface View extends PortfolioFilters {
  sort?: string;
  dir?: "asc" | "desc";
  page?: number;
  size?: number;
  show?: "gaps" | "responses" | "balance";
}

type SearchParams = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;

export function readView(params: SearchParams): View {
  const view: View = {};
  for (const key of FILTER_KEYS) {
    const parsed = filtersSchema.shape[key].safeParse(first(params[key]));
    if (parsed.success && parsed.data !== undefined) Object.assign(view, { [key]: parsed.data });
  }
  const sort = sortSchema.safeParse(first(params.sort));
  if (sort.success) view.sort = sort.data;
  const dir = first(params.dir);
  if (dir === "asc" || dir === "desc") view.dir = dir;
  const page = Number(first(params.page));
  if (Number.isInteger(page) && page > 1) view.page = page;
  const size = overviewInput.shape.pageSize.safeParse(Number(first(params.size)));
  if (first(params.size) && size.success && size.data !== DEFAULT_PAGE_SIZE) view.size = size.data;
  const show = first(params.show);
  if (show === "gaps" || show === "responses" || show === "balance") view.show = show;
  return view;
}

export function toInput(slug: string, view: View): OverviewInput & { workspaceSlug: string } {
  const { sort, dir, page, size, show, ...filters } = view;
  return {
    workspaceSlug: slug,
    ...filters,
    sort: sort ?? "health",
    dir,
    page: page ?? 1,
    pageSize: size ?? DEFAULT_PAGE_SIZE,
    expand: show,
  };
}

export function query(view: View): string {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(view)) if (value !== undefined && value !== null && value !== "") q.set(key, String(value));
  const s = q.toString();
  return s ? `?${s}` : "";
}

// The link to this view with some parameters changed. Changing what is shown starts again at
// page 1 unless the page itself is what changes.
export function viewHref(slug: string, view: View, changes: Partial<View>): string {
  const next: View = { ...view, ...changes };
  if (!("page" in changes)) delete next.page;
  if (next.page === 1) delete next.page;
  for (const key of Object.keys(changes) as (keyof View)[]) if (changes[key] === undefined) delete next[key];
  return `/w/${slug}/portfolio${query(next)}`;
}

export const filtersOf = (view: View): PortfolioFilters =>
  Object.fromEntries(FILTER_KEYS.flatMap((k) => (view[k] ? [[k, view[k]]] : []))) as PortfolioFilters;

export const isFiltered = (view: View) => FILTER_KEYS.some((k) => view[k] !== undefined);

export const exportHref = (slug: string, view: View) => `/w/${slug}/portfolio/export${query(filtersOf(view))}`;
