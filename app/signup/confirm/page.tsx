import Link from "next/link";
import { AuthFrame } from "../../_components/auth-frame";
import { Alert } from "../../_components/alert";
import { Button } from "../../_components/button";
import { checkEmailedLink, tokenParam } from "../../_lib/link-check";
import { ConfirmForm } from "./confirm-form";

// The token is in the address: no Referer may carry it to another site.
export const metadata = { title: "Create your workspace", referrer: "no-referrer" };
export const dynamic = "force-dynamic";

// The emailed link of a sign-up. Opening it changes nothing (mail scanners open links); the
// button creates the account and the workspace.
export default async function ConfirmSignUpPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const token = tokenParam((await searchParams).token);
  const link = await checkEmailedLink((api) => api.workspace.signUpCheck({ token }));

  if (!link.ok) {
    return (
      <AuthFrame title="This sign-up link cannot be used">
        <div className="space-y-4">
          <Alert tone="error">{link.message}</Alert>
          <Button asChild className="w-full">
            <Link href="/signup">Sign up again</Link>
          </Button>
          <Button asChild variant="secondary" className="w-full">
            <Link href={`/signin${link.email ? `?email=${encodeURIComponent(link.email)}` : ""}`}>Sign in</Link>
          </Button>
        </div>
      </AuthFrame>
    );
  }

  return (
    <AuthFrame
      title={`Create ${link.workspaceName}`}
      subtitle={
        <>
          Your email is confirmed. This creates your account as <strong className="font-medium text-slate-800">{link.name}</strong> (
          {link.email}) and the workspace, of which you become the owner.
        </>
      }
    >
      <ConfirmForm token={token} slug={link.slug} slugProblem={link.slugProblem} workspaceName={link.workspaceName} />
    </AuthFrame>
  );
}
