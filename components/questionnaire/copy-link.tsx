"use client";

import { useState } from "react";

/** The edit link in a read-only field with a copy button (the field also allows manual copying). */
export function CopyLink({ url }: { url: string }) {
  const [copied, setCopied] = useState<null | boolean>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <div className="stack-sm">
      <label className="kern-label" htmlFor="edit-link">
        Ihr persönlicher Link
      </label>
      <div className="token-box">
        <input
          id="edit-link"
          className="kern-form-input__input"
          readOnly
          value={url}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" className="kern-btn kern-btn--secondary" onClick={() => void copy()}>
          <span className="kern-icon kern-icon--content-copy" aria-hidden="true" />
          <span className="kern-label">Link kopieren</span>
        </button>
      </div>
      <p className="kern-body kern-body--small" role="status" aria-live="polite">
        {copied === true ? "Der Link wurde in die Zwischenablage kopiert." : null}
        {copied === false
          ? "Kopieren war nicht möglich. Bitte markieren Sie den Link und kopieren Sie ihn von Hand."
          : null}
      </p>
    </div>
  );
}
