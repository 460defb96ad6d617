"use client";
import * as RadixDialog from "@radix-ui/react-dialog";
import { useRef, type ReactElement, type ReactNode } from "react";
import { keepFocusNear } from "../../../../_lib/keep-focus";
import { Button } from "../../../../_components/button";

export const DialogClose = RadixDialog.Close;

// A modal with a title, optional description and a trigger. Radix traps focus, closes on Escape
// and returns focus to the trigger; should what the dialog did then replace or remove the
// trigger, focus stays near it (app/_lib/keep-focus.ts) instead of falling to the page.
export function Dialog({
  open,
  onOpenChange,
  trigger,
  title,
  description,
  children,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  trigger: ReactElement;
  title: string;
  description?: ReactNode;
  children: ReactNode;
}) {
  const triggerRef = useRef<HTMLButtonElement>(null);
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Trigger asChild ref={triggerRef}>
        {trigger}
      </RadixDialog.Trigger>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <RadixDialog.Content
          className="fixed left-1/2 top-1/2 z-50 max-h-[90vh] w-[calc(100%-2rem)] max-w-lg -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg bg-white p-6 shadow-xl ring-1 ring-slate-200"
          {...(description ? {} : { "aria-describedby": undefined })}
          onCloseAutoFocus={() => {
            // Radix focuses the trigger right after this; the watch starts with that.
            const element = triggerRef.current;
            if (element) requestAnimationFrame(() => keepFocusNear(element));
          }}
        >
          <RadixDialog.Title className="text-lg font-semibold text-slate-900">{title}</RadixDialog.Title>
          {description ? (
            <RadixDialog.Description asChild>
              <div className="mt-2 space-y-2 text-sm text-slate-600">{description}</div>
            </RadixDialog.Description>
          ) : null}
          <div className="mt-4">{children}</div>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

// The closing row of a dialog: Cancel, then the dialog's own action (a submit button unless
// `onAction` is given). While `pending`, both are disabled and the action says what it is doing.
export function DialogActions({
  label,
  pendingLabel,
  pending,
  disabled = false,
  variant = "primary",
  onAction,
}: {
  label: string;
  pendingLabel: string;
  pending: boolean;
  disabled?: boolean;
  variant?: "primary" | "danger";
  onAction?: () => void;
}) {
  return (
    <div className="flex justify-end gap-3 pt-2">
      <DialogClose asChild>
        <Button variant="secondary" disabled={pending}>
          Cancel
        </Button>
      </DialogClose>
      <Button type={onAction ? "button" : "submit"} variant={variant} onClick={onAction} disabled={pending || disabled}>
        {pending ? pendingLabel : label}
      </Button>
    </div>
  );
}
