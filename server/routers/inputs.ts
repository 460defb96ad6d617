// Input shapes several routers share.
import { z } from "zod";

// A calendar day as typed in a date field ("2026-12-31"), stored as midnight UTC of that day.
export const dateOnly = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "use the format YYYY-MM-DD")
  .transform((v) => new Date(`${v}T00:00:00.000Z`))
  .refine((d) => !Number.isNaN(d.getTime()), "not a real date");

export const partnershipId = z.object({ partnershipId: z.string().min(1).max(64) });
