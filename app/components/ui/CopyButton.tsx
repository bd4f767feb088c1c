/**
 * Copies a text to the clipboard and says so in a live region. It needs JavaScript: it is sent
 * hidden, and the page's script (plain-page.js) shows it and does the copying; without it the
 * text is still there to select.
 */
export function CopyButton({ text, label, copied, failed }: { text: string; label: string; copied: string; failed: string }) {
  return (
    <p className="copy-button" data-copy={text} data-copied={copied} data-failed={failed} hidden>
      <button type="button" className="button button--secondary">
        {label}
      </button>{" "}
      <span role="status" />
    </p>
  );
}
