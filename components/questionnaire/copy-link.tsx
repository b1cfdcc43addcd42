"use client";

import { useState } from "react";
import { Text } from "@/components/kern/typography";
import { Button } from "@/components/kern/button";
import { FieldShell } from "@/components/kern/field-shell";

/**
 * The edit link in a read-only field with a copy button (the field also allows manual copying). The field is a
 * text area that wraps the link, so that it is shown whole at any width (a one-line field cut it off).
 */
export function CopyLink({
  url,
  id = "edit-link",
  label = "Ihr persönlicher Link",
}: {
  url: string;
  id?: string;
  label?: string;
}) {
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
      <FieldShell id={id} label={label}>
        {(described) => (
          <div className="token-box">
            <textarea
              id={id}
              className="kern-form-input__input"
              readOnly
              rows={3}
              spellCheck={false}
              value={url}
              onFocus={(e) => e.currentTarget.select()}
              {...described}
            />
            <Button variant="secondary" icon="copy" onClick={() => void copy()}>
              Link kopieren
            </Button>
          </div>
        )}
      </FieldShell>
      <Text size="small" role="status" aria-live="polite">
        {copied === true ? "Der Link wurde in die Zwischenablage kopiert." : null}
        {copied === false
          ? "Kopieren war nicht möglich. Bitte markieren Sie den Link und kopieren Sie ihn von Hand."
          : null}
      </Text>
    </div>
  );
}
