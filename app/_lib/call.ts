// Runs a tRPC call from a server component and turns access errors into navigation: signed out
// goes to sign-in, NOT_FOUND to the 404 page (the same for "missing" and "not yours").
import "server-only";
import { TRPCError } from "@trpc/server";
import { notFound, redirect } from "next/navigation";
import { serverApi } from "~/server/trpc/server";

type Api = Awaited<ReturnType<typeof serverApi>>;

export async function call<T>(fn: (api: Api) => Promise<T>): Promise<T> {
  try {
    return await fn(await serverApi());
  } catch (error) {
    if (error instanceof TRPCError) {
      if (error.code === "UNAUTHORIZED") redirect("/signin");
      if (error.code === "NOT_FOUND") notFound();
    }
    throw error;
  }
}
