import { buildPortfolio, portfolioOutput } from "../services/portfolio";
import { hostProcedure } from "../trpc/procedures";
import { router } from "../trpc/init";

export const portfolioRouter = router({
  overview: hostProcedure.output(portfolioOutput).query(({ ctx }) => buildPortfolio(ctx)),
});
