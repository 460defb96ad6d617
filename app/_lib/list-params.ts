// A searchable list's choices as they travel in its address, read leniently: a value that is not
// one of a filter's choices, or a page that is not a page, is left out (and the page says which),
// so a mangled or outdated link still shows the list rather than an error. The server checks the
// same input again, strictly.
export type Params = Record<string, string | string[] | undefined>;

export const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

export interface ListParams {
  q?: string;
  page: number;
  pageSize?: number;
}

export function readPaging(params: Params, sizes: readonly number[], ignored: string[]): ListParams {
  const q = one(params.q)?.trim().slice(0, 120) || undefined;
  const rawPage = one(params.page);
  let page = 1;
  if (rawPage !== undefined) {
    if (/^\d{1,6}$/.test(rawPage) && Number(rawPage) >= 1) page = Number(rawPage);
    else ignored.push(`page "${rawPage}"`);
  }
  const rawSize = one(params.size);
  let pageSize: number | undefined;
  if (rawSize !== undefined) {
    if (sizes.includes(Number(rawSize))) pageSize = Number(rawSize);
    else ignored.push(`page size "${rawSize}"`);
  }
  return { q, page, pageSize };
}

// One of a filter's choices, or nothing (noting a value that is not one).
export function readChoice<T extends string>(params: Params, name: string, choices: readonly T[], ignored: string[]): T | undefined {
  const value = one(params[name]);
  if (!value) return undefined;
  if ((choices as readonly string[]).includes(value)) return value as T;
  ignored.push(`${name} "${value}"`);
  return undefined;
}

// An id-like value (a member or organisation id), checked by the server against the workspace.
export function readId(params: Params, name: string, ignored: string[]): string | undefined {
  const value = one(params[name]);
  if (!value) return undefined;
  if (/^[A-Za-z0-9_-]{1,64}$/.test(value)) return value;
  ignored.push(`${name} "${value}"`);
  return undefined;
}

// The list's address with these choices (empty ones left out) and a page.
export function listHref(base: string, choices: Record<string, string | number | undefined>, page?: number) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(choices)) if (value !== undefined && value !== "") query.set(key, String(value));
  if (page && page > 1) query.set("page", String(page));
  return query.size ? `${base}?${query}` : base;
}

export const ignoredNote = (ignored: string[]) =>
  ignored.length ? `Left out of this list's address, as not one of its choices: ${ignored.join(", ")}.` : null;
