import Link from "next/link";
import { redirect } from "next/navigation";
import { currentUserId } from "~/server/session";
import { AuthFrame } from "../_components/auth-frame";
import { SignUpForm } from "./sign-up-form";

export const metadata = { title: "Create a workspace" };
export const dynamic = "force-dynamic";

export default async function SignUpPage() {
  // Someone signed in adds a workspace from their workspace list instead of a second account.
  if (await currentUserId()) redirect("/workspaces");
  return (
    <AuthFrame
      title="Create your workspace"
      subtitle="Set up your partner program: you become its owner, and can invite your team and partner contacts next."
      footer={
        <>
          Already have an account?{" "}
          <Link className="font-medium text-brand-700 hover:underline" href="/signin">
            Sign in
          </Link>
        </>
      }
    >
      <SignUpForm />
    </AuthFrame>
  );
}
