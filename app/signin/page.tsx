import { headers } from "next/headers";
import Link from "next/link";
import { redirect } from "next/navigation";
import { appOrigins } from "~/server/http/request-origin";
import { safeRedirectPath } from "~/server/http/safe-redirect";
import { serverApi } from "~/server/trpc/server";
import { AuthFrame } from "../_components/auth-frame";
import { SignInForm } from "./sign-in-form";
import { SsoSignIn } from "./sso-sign-in";

export const metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; email?: string }> }) {
  const { callbackUrl, email } = await searchParams;
  // Only a path of this app: an open redirect would let a link send people anywhere after sign-in.
  const next = safeRedirectPath(callbackUrl, appOrigins(await headers()));
  // A session whose account still exists goes straight on; a stale one (deleted account) gets
  // the form rather than a redirect loop.
  const signedIn = await serverApi()
    .then((api) => api.workspace.mine())
    .then(
      () => true,
      () => false,
    );
  if (signedIn) redirect(next);
  return (
    <AuthFrame
      title="Sign in"
      subtitle="Partner surveys, scorecards and portfolio health."
      footer={
        <>
          New here?{" "}
          <Link className="font-medium text-brand-700 hover:underline" href="/signup">
            Create a workspace
          </Link>
        </>
      }
    >
      <SignInForm next={next} defaultEmail={email ?? ""} />
      <SsoSignIn next={next} defaultEmail={email ?? ""} />
    </AuthFrame>
  );
}
