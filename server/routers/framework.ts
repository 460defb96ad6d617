import { latestFrameworkVersion, loadFramework } from "../services/framework";
import { workspaceProcedure } from "../trpc/procedures";
import { router } from "../trpc/init";

export const frameworkRouter = router({
  current: workspaceProcedure.query(async ({ ctx }) => {
    const latest = await latestFrameworkVersion(ctx.db);
    return latest ? loadFramework(ctx.db, latest.id) : null;
  }),
});
