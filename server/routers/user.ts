import { authedProcedure } from "../trpc/procedures";
import { router } from "../trpc/init";

export const userRouter = router({
  // Who is signed in, for pages outside any workspace.
  me: authedProcedure.query(({ ctx }) => ctx.user),
});
