// The first message the server gave for one input field, from a zod input failure. The error
// formatter in server/trpc/init.ts puts them on `data.fieldErrors`; its type is not inferred.
export function fieldError(error: unknown, field: string): string | null {
  const data = (error as { data?: { fieldErrors?: Record<string, string[] | undefined> | null } } | null)?.data;
  return data?.fieldErrors?.[field]?.[0] ?? null;
}
