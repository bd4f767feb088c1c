import { useEffect, useState } from "react";
import { Link, useSubmit } from "react-router";
import { ConfirmDialog } from "~/components/ui/ConfirmDialog";

/** True after hydration: parts that need JavaScript render only then. */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

/**
 * A consequential action (delete, withdraw, end): without JavaScript a link to a page that asks
 * first; with JavaScript a button that asks in a dialog and then posts. By default it posts
 * `confirm=yes` to the page the link goes to, as that page's own form does.
 */
export function ConfirmAction(props: {
  href: string;
  label: string;
  /** Words for screen readers that say which one ("for Jonas Hansen"). */
  hiddenLabel?: string;
  title: string;
  description: string;
  confirmLabel: string;
  cancelLabel: string;
  className?: string;
  /** What the dialog's confirm posts, and where, when that differs from the no-JavaScript page's form. */
  post?: { values: Record<string, string>; action: string };
}) {
  const submit = useSubmit();
  const hydrated = useHydrated();
  const [open, setOpen] = useState(false);
  const className = props.className ?? "button button--secondary";
  const label = (
    <>
      {props.label}
      {props.hiddenLabel ? <span className="visually-hidden"> {props.hiddenLabel}</span> : null}
    </>
  );
  if (!hydrated) {
    return (
      <Link to={props.href} className={className}>
        {label}
      </Link>
    );
  }
  const post = props.post ?? { values: { confirm: "yes" }, action: props.href };
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={setOpen}
      title={props.title}
      description={props.description}
      confirmLabel={props.confirmLabel}
      cancelLabel={props.cancelLabel}
      onConfirm={() => {
        setOpen(false);
        void submit(post.values, { method: "post", action: post.action });
      }}
      trigger={
        <button type="button" className={className}>
          {label}
        </button>
      }
    />
  );
}
