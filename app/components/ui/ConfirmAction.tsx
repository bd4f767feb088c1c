import { Link } from "~/components/ui/Link";

/**
 * A consequential action (delete, withdraw, end): a link to a page that asks first, whose own
 * form does it (GOV.UK's pattern: the question has a page of its own, with its own address and
 * heading, and works the same with or without JavaScript).
 */
export function ConfirmAction(props: {
  href: string;
  label: string;
  /** Words for screen readers that say which one ("for Jonas Hansen"). */
  hiddenLabel?: string;
  className?: string;
}) {
  return (
    <Link to={props.href} className={props.className ?? "button button--secondary"}>
      {props.label}
      {props.hiddenLabel ? <span className="visually-hidden"> {props.hiddenLabel}</span> : null}
    </Link>
  );
}
