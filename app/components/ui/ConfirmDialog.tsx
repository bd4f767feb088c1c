import { cloneElement, isValidElement, lazy, Suspense, useState } from "react";
import type { ConfirmDialogProps } from "./RadixConfirmDialog";

export type { ConfirmDialogProps };

/** Radix's dialog and our wrapper around it: a chunk of its own, fetched once per page at most. */
const loadDialog = () => import("./RadixConfirmDialog");
const RadixConfirmDialog = lazy(loadDialog);

/**
 * A modal question with two answers (RadixConfirmDialog.tsx): focus moves into it, stays there,
 * and returns to where it came from; Escape answers "cancel". Its code (Radix, ~14 KB gzip) is
 * not part of any page: it is fetched when the person points at or focuses the button that opens
 * it, or when the dialog opens (the session warning), and stays mounted after that.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const [mounted, setMounted] = useState(false);
  if (props.open && !mounted) setMounted(true);
  const trigger = isValidElement<React.ButtonHTMLAttributes<HTMLButtonElement>>(props.trigger)
    ? cloneElement(props.trigger, {
        "aria-haspopup": "dialog",
        onPointerEnter: () => void loadDialog(),
        onFocus: () => void loadDialog(),
        onClick: () => props.onOpenChange(true),
      })
    : null;
  return (
    <>
      {trigger}
      {mounted || props.open ? (
        <Suspense fallback={null}>
          <RadixConfirmDialog {...props} trigger={undefined} />
        </Suspense>
      ) : null}
    </>
  );
}
