import * as Dialog from "@radix-ui/react-dialog";
import { useRef } from "react";
import { useTranslation } from "react-i18next";

// Only ConfirmDialog.tsx imports this module, with a dynamic import: Radix's code loads on the
// pages that have a dialog, when a dialog is about to open.

export interface ConfirmDialogProps {
  open: boolean;
  onOpenChange(open: boolean): void;
  title: string;
  description: React.ReactNode;
  confirmLabel: string;
  onConfirm(): void;
  /** Defaults to "Fortryd". */
  cancelLabel?: string;
  /** Defaults to closing the dialog, like Escape does. */
  onCancel?(): void;
  /** An element that opens the dialog (e.g. a button); leave out for a dialog opened by code. */
  trigger?: React.ReactNode;
  /** Extra content under the description, e.g. a live countdown. */
  children?: React.ReactNode;
  /**
   * Which answer has focus when the dialog opens. Defaults to "cancel": the safe answer, so an
   * Enter pressed by habit never withdraws or deletes. The session warning's safe answer is
   * its confirm ("Bliv logget ind").
   */
  initialFocus?: "confirm" | "cancel";
}

/**
 * A modal question with two answers. Focus moves into it, stays there, and returns to
 * where it came from; Escape answers "cancel". Used only for confirmations and the
 * session-timeout warning.
 */
export default function RadixConfirmDialog(props: ConfirmDialogProps) {
  const { t } = useTranslation();
  const confirmButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  // The button that opened it lives outside Radix (ConfirmDialog.tsx loads this lazily), so
  // Radix does not know where focus came from: remember it and go back there on close.
  const cameFrom = useRef<HTMLElement | null>(null);
  return (
    <Dialog.Root open={props.open} onOpenChange={props.onOpenChange}>
      {props.trigger ? <Dialog.Trigger asChild>{props.trigger}</Dialog.Trigger> : null}
      <Dialog.Portal>
        <Dialog.Overlay className="dialog__overlay" />
        <Dialog.Content
          className="dialog"
          onOpenAutoFocus={(event) => {
            event.preventDefault();
            cameFrom.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
            (props.initialFocus === "confirm" ? confirmButton : cancelButton).current?.focus();
          }}
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            if (cameFrom.current?.isConnected) cameFrom.current.focus();
          }}
        >
          <Dialog.Title className="dialog__title">{props.title}</Dialog.Title>
          <Dialog.Description className="dialog__description">{props.description}</Dialog.Description>
          {props.children}
          <div className="button-group">
            <button ref={confirmButton} type="button" className="button" onClick={props.onConfirm}>
              {props.confirmLabel}
            </button>
            <button
              ref={cancelButton}
              type="button"
              className="button button--secondary"
              onClick={() => (props.onCancel ? props.onCancel() : props.onOpenChange(false))}
            >
              {props.cancelLabel ?? t("dialog.cancel")}
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
