import Link from "next/link";
import { isSsoRefusalCode, SSO_REFUSALS } from "~/server/services/sso/refusals";
import { AuthFrame } from "../../_components/auth-frame";
import { Alert } from "../../_components/alert";

export const metadata = { title: "Single sign-on did not work" };
export const dynamic = "force-dynamic";

// Where a refused single sign-on lands. The URL carries only a code: the words are ours, so a
// crafted link cannot make this page say anything else.
export default async function SsoRefusedPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const { error } = await searchParams;
  const message = isSsoRefusalCode(error) ? SSO_REFUSALS[error] : SSO_REFUSALS.invalid_response;
  return (
    <AuthFrame title="Single sign-on did not work" subtitle="You are not signed in.">
      <Alert tone="error">{message}</Alert>
      <p className="mt-6 text-sm">
        <Link className="font-medium text-brand-700 hover:underline" href="/signin">
          Back to sign in
        </Link>
      </p>
    </AuthFrame>
  );
}
