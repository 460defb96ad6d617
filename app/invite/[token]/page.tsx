import { TRPCError } from "@trpc/server";
import Link from "next/link";
import { AuthFrame } from "../../_components/auth-frame";
import { Alert } from "../../_components/alert";
import { Button } from "../../_components/button";
import { call } from "../../_lib/call";
import { ROLE_LABEL } from "../../_lib/format";
import { AcceptForm } from "./accept-form";

export const metadata = { title: "Accept invitation" };
export const dynamic = "force-dynamic";

const MALFORMED = "This invitation link is not valid. Check that you copied all of it.";

async function preview(token: string) {
  try {
    return await call((api) => api.invitation.preview({ token }));
  } catch (error) {
    // A truncated or mangled link fails the token's input check rather than the lookup.
    if (error instanceof TRPCError && error.code === "BAD_REQUEST") return { ok: false as const, message: MALFORMED };
    throw error;
  }
}

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await preview(token);

  if (!invitation.ok) {
    return (
      <AuthFrame title="This invitation cannot be used">
        <div className="space-y-4">
          <Alert tone="error">{invitation.message}</Alert>
          <Button asChild variant="secondary" className="w-full">
            <Link href="/signin">Go to sign in</Link>
          </Button>
        </div>
      </AuthFrame>
    );
  }

  const role = `${ROLE_LABEL[invitation.role]}${invitation.partnerOrgName ? ` of ${invitation.partnerOrgName}` : ""}`;
  return (
    <AuthFrame
      title={`Join ${invitation.workspaceName}`}
      subtitle={
        <>
          You are invited as <strong className="font-medium text-slate-800">{role}</strong>.{" "}
          {invitation.hasAccount
            ? "You already have an account: confirm with your password to add this workspace to it."
            : "Choose your name and a password to create your account."}
        </>
      }
      footer="Not you, or expected a different role? Ask the workspace admin who invited you for a new link."
    >
      <AcceptForm token={token} email={invitation.email} hasAccount={invitation.hasAccount} workspaceName={invitation.workspaceName} />
    </AuthFrame>
  );
}
