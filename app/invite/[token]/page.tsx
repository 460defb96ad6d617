import { TRPCError } from "@trpc/server";
import Link from "next/link";
import { AuthFrame } from "../../_components/auth-frame";
import { Alert } from "../../_components/alert";
import { Button } from "../../_components/button";
import { call } from "../../_lib/call";
import { ROLE_LABEL } from "../../_lib/format";
import { AcceptForm } from "./accept-form";
import { JoinButton, SwitchAccount } from "./signed-in";

// The token is in the address: no Referer may carry it to another site.
export const metadata = { title: "Accept invitation", referrer: "no-referrer" };
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

const strong = (text: string) => <strong className="font-medium text-slate-800">{text}</strong>;

// What the page shows never depends on whether the invited address has an account: only on who,
// if anyone, is signed in in this browser.
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
  const title = `Join ${invitation.workspaceName}`;
  const { viewer } = invitation;

  if (viewer.kind === "someoneElse") {
    return (
      <AuthFrame
        title={title}
        subtitle={
          <>
            This invitation is for {strong(invitation.email)}, but you are signed in as {strong(viewer.email)}.
          </>
        }
        footer="Expected it for your own address? Ask the workspace admin who invited you to invite that address instead."
      >
        <SwitchAccount token={token} inviteeEmail={invitation.email} currentEmail={viewer.email} />
      </AuthFrame>
    );
  }

  if (viewer.kind === "invitee") {
    return (
      <AuthFrame
        title={title}
        subtitle={
          <>
            You are invited as {strong(role)}. You are signed in as {strong(invitation.email)}.
          </>
        }
      >
        <JoinButton token={token} workspaceName={invitation.workspaceName} />
      </AuthFrame>
    );
  }

  const signInHere = `/signin?email=${encodeURIComponent(invitation.email)}&callbackUrl=${encodeURIComponent(`/invite/${token}`)}`;
  return (
    <AuthFrame
      title={title}
      subtitle={<>You are invited as {strong(role)}. Tell us your name to join; a password is up to you.</>}
      footer={
        <div className="space-y-2">
          <p>
            Already have an account with this address?{" "}
            <Link className="font-medium text-brand-700 hover:underline" href={signInHere}>
              Sign in to join
            </Link>
          </p>
          <p>Not you, or expected a different role? Ask the workspace admin who invited you for a new link.</p>
        </div>
      }
    >
      <AcceptForm token={token} email={invitation.email} workspaceName={invitation.workspaceName} name={invitation.name} />
    </AuthFrame>
  );
}
