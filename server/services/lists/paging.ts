// Paging and search shared by the searchable lists (partnerships, partner organisations, members):
// the page and its size as the client asks for them, the counts a pager shows ("41-60 of 154"),
// and a search term made safe for LIKE. Every list counts its matches and reads one page; none
// loads its whole table.
import { z } from "zod";

export const LIST_PAGE_SIZES = [20, 50, 100] as const;
export const LIST_PAGE_SIZE = 20;
export const SEARCH_MAX = 120;

export const pagingSchema = {
  page: z
    .number({ error: "The page is a whole number from 1." })
    .int("The page is a whole number from 1.")
    .min(1, "Pages start at 1.")
    .max(100_000, "That page is too far.")
    .default(1),
  pageSize: z
    .number()
    .int()
    .refine((n) => (LIST_PAGE_SIZES as readonly number[]).includes(n), { error: `Show ${LIST_PAGE_SIZES.join(", ")} rows per page.` })
    .default(LIST_PAGE_SIZE),
};

// A search term: trimmed, and an empty one is no search at all.
export const searchText = z
  .string()
  .max(SEARCH_MAX, `Search for at most ${SEARCH_MAX} characters.`)
  .transform((v) => v.trim())
  .optional()
  .transform((v) => (v ? v : undefined));

export interface Page {
  // The page shown (a page past the end shows the last one), its size, the pages and the matches.
  number: number;
  size: number;
  pages: number;
  total: number;
  // The 1-based positions of the first and last row shown; 0 and 0 when nothing matches.
  from: number;
  to: number;
}

// Where a page starts, for a count of matches: a page past the end falls back to the last page.
export function pageFor(total: number, asked: number, size: number): Page & { skip: number } {
  const pages = Math.max(1, Math.ceil(total / size));
  const number = Math.min(asked, pages);
  const skip = (number - 1) * size;
  return { number, size, pages, total, from: total === 0 ? 0 : skip + 1, to: Math.min(total, skip + size), skip };
}

export function pageOutput(page: Page & { skip: number }): Page {
  const { number, size, pages, total, from, to } = page;
  return { number, size, pages, total, from, to };
}

// The term with its own %, _ and \ made literal for LIKE (whose escape is \ by default). Prisma's
// `contains` puts the term between wildcards as it is, so its filters take it escaped too.
export const likeLiteral = (term: string) => term.replace(/[\\%_]/g, (c) => `\\${c}`);

// The term as a LIKE pattern matching it anywhere.
export const containsPattern = (term: string) => `%${likeLiteral(term)}%`;
