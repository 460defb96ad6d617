"use client";
import { useState, type ReactElement, type ReactNode } from "react";
import { errorMessage } from "~/server/trpc/client";
import { Alert } from "../../../../_components/alert";
import { Button } from "../../../../_components/button";
import { Dialog, DialogClose } from "./dialog";

// Asks before a destructive action. The dialog stays open with the server's message when the
// action fails, so the person can read why and cancel or retry.
export function ConfirmDialog({
  trigger,
  title,
  children,
  confirmLabel,
  pendingLabel,
  onConfirm,
}: {
  trigger: ReactElement;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  onConfirm: () => Promise<unknown>;
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
      <div className="mt-4 flex justify-end gap-3">
        <DialogClose asChild>
          <Button variant="secondary" disabled={pending}>
            Cancel
          </Button>
        </DialogClose>
        <Button variant="danger" onClick={() => void confirm()} disabled={pending}>
          {pending ? pendingLabel : confirmLabel}
        </Button>
      </div>
    </Dialog>
  );
}
