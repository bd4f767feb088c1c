import type { ReactNode } from "react";

/**
 * A list of label–value pairs (GOV.UK's summary list): `<dl class="summary-list">` with one row
 * per pair. Each row may end with an action (a "Ret" link), in its own cell.
 *
 *   <SummaryList>
 *     <SummaryRow label={t("doc.email")}>{email}</SummaryRow>
 *     {phone ? <SummaryRow label={t("doc.phone")} lang="da">{phone}</SummaryRow> : null}
 *   </SummaryList>
 */
export function SummaryList({ className, children }: { className?: string; children: ReactNode }) {
  return <dl className={className ? `summary-list ${className}` : "summary-list"}>{children}</dl>;
}

export function SummaryRow({
  label,
  children,
  action,
  lang,
  preWrap = false,
  valueClassName,
}: {
  label: ReactNode;
  children: ReactNode;
  /** A link or button that acts on this row ("Ret", "Fjern"), shown at the row's end. */
  action?: ReactNode;
  /** The value's language, when it differs from the page's (text the jobcentre wrote in Danish). */
  lang?: string;
  /** Keep the line breaks a person typed. */
  preWrap?: boolean;
  /** A class of the value's own (`pre-wrap-text`: keep the line breaks of a value that is plain text). */
  valueClassName?: string;
}) {
  return (
    <div className="summary-list__row">
      <dt>{label}</dt>
      <dd lang={lang} className={[preWrap ? "pre-wrap" : "", valueClassName ?? ""].filter(Boolean).join(" ") || undefined}>
        {children}
      </dd>
      {action === undefined ? null : <dd className="summary-list__action">{action}</dd>}
    </div>
  );
}
