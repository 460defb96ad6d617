// Runs a tRPC call from a server component and turns access errors into navigation: signed out
// goes to sign-in, NOT_FOUND to the 404 page (the same for "missing" and "not yours"), FORBIDDEN
// to the 403 "no access" page (for things the person may know exist but may not open).
//
// These become real HTTP statuses only while React is still rendering the shell, before the first
// byte is sent. A call made under a Suspense boundary (a loading.tsx above the page, or a
// <Suspense> around the component) runs after the shell has been sent with status 200, and the
// same page would then answer 200. So the call that decides access is awaited outside any
// Suspense boundary; see app/w/[slug]/layout.tsx.
import "server-only";
import { TRPCError } from "@trpc/server";
import { forbidden, notFound, redirect } from "next/navigation";
import { serverApi } from "~/server/trpc/server";

type Api = Awaited<ReturnType<typeof serverApi>>;

export async function call<T>(fn: (api: Api) => Promise<T>): Promise<T> {
  try {
    return await fn(await serverApi());
  } catch (error) {
    if (error instanceof TRPCError) {
      if (error.code === "UNAUTHORIZED") redirect("/signin");
      if (error.code === "NOT_FOUND") notFound();
      if (error.code === "FORBIDDEN") forbidden();
    }
    throw error;
  }
}
