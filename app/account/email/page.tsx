import { TRPCError } from "@trpc/server";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentUserId } from "~/server/session";
import { serverApi } from "~/server/trpc/server";
import { Alert } from "../../_components/alert";
import { AuthFrame } from "../../_components/auth-frame";
import { ConfirmEmailButton } from "./confirm-email-button";

export const metadata = { title: "Confirm your new email address" };
export const dynamic = "force-dynamic";

// The link from the new address's inbox. It needs the account signed in (the link alone proves
// the inbox, not the account), and the change is made by a button, never by opening the page:
// mail scanners open links too.
export default async function ConfirmEmailPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const link = typeof token === "string" && token.length > 0 && token.length <= 200 ? token : null;
  if (!(await currentUserId())) {
    redirect(`/signin?callbackUrl=${encodeURIComponent(link ? `/account/email?token=${link}` : "/account")}`);
  }
  const preview = link
    ? await (await serverApi()).account.emailChange({ token: link }).then(
        (value) => ({ ok: true as const, value }),
        (error: unknown) => {
          if (error instanceof TRPCError && error.code === "BAD_REQUEST") return { ok: false as const, message: error.message };
          throw error;
        },
      )
    : { ok: false as const, message: "This link is not valid. Ask for a new one." };

  return (
    <AuthFrame
      title="Confirm your new email address"
      footer={
        <Link className="font-medium text-brand-700 hover:underline" href="/account">
          Back to your account
        </Link>
      }
    >
      {preview.ok ? (
        <div className="space-y-4">
          <p className="text-sm text-slate-700">
            Change the email address of your account from <span className="font-medium text-slate-900">{preview.value.currentEmail}</span>{" "}
            to <span className="font-medium text-slate-900">{preview.value.newEmail}</span>?
          </p>
          <p className="text-sm text-slate-600">
            You will sign in with the new address from then on. Every other browser signed in to your account is signed out, and the old
            address is told of the change.
          </p>
          <ConfirmEmailButton token={link!} newEmail={preview.value.newEmail} />
        </div>
      ) : (
        <Alert tone="error">{preview.message}</Alert>
      )}
    </AuthFrame>
  );
}
