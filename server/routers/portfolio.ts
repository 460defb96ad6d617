import { buildPortfolio, exportBatch, exportInput, exportOutput, overviewInput, portfolioOutput } from "../services/portfolio";
import { hostProcedure } from "../trpc/procedures";
import { router } from "../trpc/init";

export const portfolioRouter = router({
  overview: hostProcedure
    .input(overviewInput)
    .output(portfolioOutput)
    .query(({ ctx, input }) => buildPortfolio(ctx, input)),
  // One batch of the CSV export (app/w/[slug]/portfolio/export/route.ts streams them).
  export: hostProcedure
    .input(exportInput)
    .output(exportOutput)
    .query(({ ctx, input }) => exportBatch(ctx, input)),
});
