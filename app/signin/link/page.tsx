import Link from "next/link";
import { AuthFrame } from "../../_components/auth-frame";
import { Alert } from "../../_components/alert";
import { checkEmailedLink, tokenParam } from "../../_lib/link-check";
import { LinkRequestForm } from "../link-request-form";
import { LinkSignIn } from "./link-sign-in";

// The token is in the address: no Referer may carry it to another site.
export const metadata = { title: "Sign in with your link", referrer: "no-referrer" };
export const dynamic = "force-dynamic";

// Opening the page does not use the link: mail scanners fetch links before people click them, and
// would otherwise use up every link. The person's click on the button signs in.
export default async function SignInLinkPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const token = tokenParam((await searchParams).token);
  const link = await checkEmailedLink((api) => api.signInLink.check({ token }));

  if (!link.ok) {
    return (
      <AuthFrame
        title="This sign-in link cannot be used"
        footer={
          <Link className="font-medium text-brand-700 hover:underline" href="/signin">
            Sign in with a password
          </Link>
        }
      >
        <div className="space-y-4">
          <Alert tone="error">{link.message}</Alert>
          <LinkRequestForm defaultEmail={link.email ?? ""} />
        </div>
      </AuthFrame>
    );
  }

  return (
    <AuthFrame title="Sign in" subtitle="This link signs you in once. Nobody needs a password for it, so keep it to yourself.">
      <LinkSignIn token={token} email={link.email} next={link.next} />
    </AuthFrame>
  );
}
