/**
 * The operator's selection (/betrieb/teilnahme: a GET form to the confirmation page, then its POST) as the
 * input of previewCodes and issueCodes; empty fields are absent. Keys may be AGS (8 digits) or Gemeindeverband
 * keys (9 digits), separated by commas, semicolons or spaces.
 */
export function formToCodeSelection(form: { get(name: string): unknown }): Record<string, unknown> {
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;
  };
  const keys = text("keys");
  return {
    ...(keys ? { keys: keys.split(/[\s,;]+/).filter(Boolean) } : {}),
    ...(text("state") ? { state: text("state") } : {}),
    ...(text("kreis") ? { kreis: text("kreis") } : {}),
    ...(text("sizeClass") ? { sizeClass: text("sizeClass") } : {}),
    ...(text("unit") ? { unit: text("unit") } : {}),
    ...(text("all") === "1" ? { all: true } : {}),
    ...(text("replace") === "1" ? { replace: true } : {}),
  };
}

/** The selection's fields as they travel from the confirmation page to the issuing POST (hidden inputs). */
export const SELECTION_FIELDS = ["keys", "state", "kreis", "sizeClass", "unit", "all"] as const;
