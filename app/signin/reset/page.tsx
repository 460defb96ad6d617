import Link from "next/link";
import { AuthFrame } from "../../_components/auth-frame";
import { Alert } from "../../_components/alert";
import { Button } from "../../_components/button";
import { checkEmailedLink, tokenParam } from "../../_lib/link-check";
import { ResetForm } from "./reset-form";

// The token is in the address: no Referer may carry it to another site.
export const metadata = { title: "Choose a new password", referrer: "no-referrer" };
export const dynamic = "force-dynamic";

// Opening the page does not use the link (mail scanners open links); the form's button does.
export default async function ResetPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const token = tokenParam((await searchParams).token);
  const link = await checkEmailedLink((api) => api.passwordReset.check({ token }));

  if (!link.ok) {
    const again = `/signin/forgot${link.email ? `?email=${encodeURIComponent(link.email)}` : ""}`;
    return (
      <AuthFrame title="This link cannot be used">
        <div className="space-y-4">
          <Alert tone="error">{link.message}</Alert>
          <Button asChild className="w-full">
            <Link href={again}>Ask for a new link</Link>
          </Button>
          <Button asChild variant="secondary" className="w-full">
            <Link href="/signin">Go to sign in</Link>
          </Button>
        </div>
      </AuthFrame>
    );
  }

  return (
    <AuthFrame
      title={link.hasPassword ? "Choose a new password" : "Choose a password"}
      subtitle={
        <>
          For <strong className="font-medium text-slate-800">{link.email}</strong>. Saving it signs you in here and out everywhere else.
        </>
      }
    >
      <ResetForm token={token} email={link.email} />
    </AuthFrame>
  );
}
