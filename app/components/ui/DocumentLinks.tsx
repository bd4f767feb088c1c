import { useTranslation } from "~/lib/i18n/react";
import { Link } from "~/components/ui/Link";

/**
 * The one look for "take this with you" actions (print view, PDF), on every page that has them:
 * a short list of links with an icon, never a button, so the page's main action stays the only
 * green button.
 */
export function DocumentLinks({ print, pdf }: { print?: { to: string; label: string }; pdf?: { href: string; label: string } }) {
  return (
    <ul className="document-links">
      {print ? (
        <li>
          <Link to={print.to} className="document-link">
            <PrinterIcon />
            {print.label}
          </Link>
        </li>
      ) : null}
      {pdf ? (
        <li>
          <a href={pdf.href} download className="document-link">
            <DownloadIcon />
            {pdf.label}
          </a>
        </li>
      ) : null}
    </ul>
  );
}

/**
 * The top of every print view: back, what the page is, the print button (it calls the browser's
 * print dialog, which phones have too; it needs JavaScript, so it appears once the page is alive)
 * and, where there is one, the PDF. Hidden on paper.
 */
export function PrintActions(props: {
  back: { to: string; label: string };
  intro: string;
  printLabel: string;
  pdf?: { href: string; label: string };
}) {
  const { t } = useTranslation();
  return (
    <div className="print-actions">
      <p className="back-link">
        <Link to={props.back.to}>{props.back.label}</Link>
      </p>
      <p>{props.intro}</p>
      <PrintButton label={props.printLabel} />
      <p className="meta">{t("print.howTo")}</p>
      {props.pdf ? <DocumentLinks pdf={props.pdf} /> : null}
    </div>
  );
}

/**
 * The button that opens the browser's print dialog (phones have one too). It needs JavaScript:
 * it is sent hidden, and the page's script (plain-page.js) shows it and makes it print; without
 * it the page says how to print from the browser.
 */
export function PrintButton({ label, icon = true }: { label: string; icon?: boolean }) {
  return (
    <button type="button" className="button" data-print hidden>
      {icon ? <PrinterIcon /> : null}
      {label}
    </button>
  );
}

function PrinterIcon() {
  return (
    <svg className="document-link__icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M6 2h12v6h1a3 3 0 0 1 3 3v6h-4v5H6v-5H2v-6a3 3 0 0 1 3-3h1V2Zm2 2v4h8V4H8Zm0 11v5h8v-5H8Zm10-4.5a1 1 0 1 0 0 2 1 1 0 0 0 0-2Z"
      />
    </svg>
  );
}

function DownloadIcon() {
  return (
    <svg className="document-link__icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path fill="currentColor" d="M11 3h2v9.6l3.3-3.3 1.4 1.4L12 16.4l-5.7-5.7 1.4-1.4 3.3 3.3V3ZM4 18h16v3H4v-3Z" />
    </svg>
  );
}
