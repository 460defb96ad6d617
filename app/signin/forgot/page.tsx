import Link from "next/link";
import { AuthFrame } from "../../_components/auth-frame";
import { ForgotForm } from "./forgot-form";

export const metadata = { title: "Forgot your password?" };
export const dynamic = "force-dynamic";

export default async function ForgotPage({ searchParams }: { searchParams: Promise<{ email?: string | string[] }> }) {
  const { email } = await searchParams;
  return (
    <AuthFrame
      title="Forgot your password?"
      subtitle="Enter the email you sign in with, and we will send you a link to choose a new password. Accounts without a password set their first one the same way."
      footer={
        <>
          Remembered it?{" "}
          <Link className="font-medium text-brand-700 hover:underline" href="/signin">
            Sign in
          </Link>
        </>
      }
    >
      <ForgotForm defaultEmail={typeof email === "string" ? email : ""} />
    </AuthFrame>
  );
}
