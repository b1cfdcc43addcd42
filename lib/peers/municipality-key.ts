import { normalizeName, stripDestatisSuffix } from "../municipalities/normalize";

/**
 * The identity of a municipality for "only its latest submission counts": its AGS where one was
 * given, otherwise its normalised name within its federal state ("Großenhain, Stadt" and
 * "grossenhain" in DE-SN are the same municipality).
 */
export function municipalityKey(input: { ags?: string | null; name: string; state: string }): string {
  if (input.ags) return `ags:${input.ags}`;
  return `name:${normalizeName(stripDestatisSuffix(input.name))}|${input.state}`;
}
