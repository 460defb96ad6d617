import { Alert } from "../_components/alert";

// For an account without a password: a password or an email change needs a sign-in by emailed
// link (or the company's sign-in) within the last 15 minutes (server/services/accounts/confirm-identity.ts).
export function FreshSignInNote({ what }: { what: string }) {
  return (
    <Alert tone="info">
      Your account has no password, so to {what} we ask you to prove it is you another way: sign out, sign in again with an emailed link (or
      your company&apos;s sign-in), and come back here within 15 minutes.
    </Alert>
  );
}
