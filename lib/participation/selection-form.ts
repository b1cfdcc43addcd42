/** The operator's selection form (/betrieb/teilnahme) as the input of issueCodes; empty fields are absent. */
export function formToCodeSelection(form: FormData): Record<string, unknown> {
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;
  };
  const ags = text("ags");
  return {
    ...(ags ? { ags: ags.split(/[\s,;]+/).filter(Boolean) } : {}),
    ...(text("state") ? { state: text("state") } : {}),
    ...(text("kreis") ? { kreis: text("kreis") } : {}),
    ...(text("sizeClass") ? { sizeClass: text("sizeClass") } : {}),
  };
}
