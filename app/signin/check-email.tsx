import type { ReactNode } from "react";
import { Button } from "../_components/button";

// What a form that emails a link says once it is sent. The words never depend on whether the
// address has an account (the server answers alike), so neither does this.
export function CheckEmail({
  children,
  onAgain,
  againLabel = "Use another address",
}: {
  children: ReactNode;
  onAgain?: () => void;
  againLabel?: string;
}) {
  return (
    <div role="status" className="space-y-4">
      <div className="rounded-md bg-green-50 px-4 py-3 text-sm text-green-900 ring-1 ring-green-200">
        <p className="font-semibold">Check your email</p>
        <p className="mt-1">{children}</p>
      </div>
      <p className="text-sm text-slate-600">
        Nothing after a few minutes? Look in your spam folder, or ask again: only the latest link works.
      </p>
      {onAgain ? (
        <Button variant="secondary" className="w-full" onClick={onAgain}>
          {againLabel}
        </Button>
      ) : null}
    </div>
  );
}
