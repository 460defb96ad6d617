"use client";
import { useState, type ReactElement, type ReactNode } from "react";
import { errorMessage } from "~/server/trpc/client";
import { Alert } from "../../../../_components/alert";
import { Dialog, DialogActions } from "./dialog";

// Asks before a destructive action (or one that cannot be called back, like emailing many people:
// variant "primary"). The dialog stays open with the server's message when the action fails, so
// the person can read why and cancel or retry.
export function ConfirmDialog({
  trigger,
  title,
  children,
  confirmLabel,
  pendingLabel,
  onConfirm,
  variant = "danger",
  disabled = false,
}: {
  trigger: ReactElement;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  onConfirm: () => Promise<unknown>;
  variant?: "primary" | "danger";
  // While what the confirmation says is still loading, or when it says the action cannot be done.
  disabled?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setPending(true);
    setError(null);
    try {
      await onConfirm();
      setOpen(false);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setPending(false);
    }
  }

  function onOpenChange(next: boolean) {
    if (pending) return;
    setOpen(next);
    setError(null);
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange} trigger={trigger} title={title} description={children}>
      <Alert tone="error">{error}</Alert>
      <DialogActions
        label={confirmLabel}
        pendingLabel={pendingLabel}
        pending={pending}
        disabled={disabled}
        variant={variant}
        onAction={() => void confirm()}
      />
    </Dialog>
  );
}
