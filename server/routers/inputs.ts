// Input shapes several routers share.
import { z } from "zod";

// A calendar day as typed in a date field ("2026-12-31"), stored as midnight UTC of that day.
export const dateOnly = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date, such as 2026-12-31.")
  // Date rolls days past a month's end over ("2026-02-30" would be 2 March): only a day that
  // reads back the same is real.
  .refine((v) => {
    const d = new Date(`${v}T00:00:00.000Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
  }, "That is not a real date.")
  .transform((v) => new Date(`${v}T00:00:00.000Z`));

export const partnershipId = z.object({ partnershipId: z.string().min(1).max(64) });
