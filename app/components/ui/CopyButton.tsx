import { useEffect, useState } from "react";

/**
 * Copies a text to the clipboard and says so in a live region. It needs JavaScript, so it is
 * shown only after the page has come alive; without it the text is still there to select.
 */
export function CopyButton({ text, label, copied, failed }: { text: string; label: string; copied: string; failed: string }) {
  const [alive, setAlive] = useState(false);
  const [message, setMessage] = useState("");
  useEffect(() => setAlive(true), []);
  if (!alive) return null;
  return (
    <p className="copy-button">
      <button
        type="button"
        className="button button--secondary"
        onClick={() => {
          setMessage("");
          navigator.clipboard.writeText(text).then(
            () => setMessage(copied),
            () => setMessage(failed),
          );
        }}
      >
        {label}
      </button>{" "}
      <span role="status">{message}</span>
    </p>
  );
}
