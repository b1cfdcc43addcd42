import { normalizeName, stripDestatisSuffix } from "../municipalities/normalize";
import { isAgs, isVerbandKey } from "../validation/keys";

/**
 * The identity of a unit for "only its latest submission counts": a Gemeindeverband by its 9-digit key
 * ("vb:010535318", docs/adr/0013-administrations-as-units.md), a Gemeinde by its AGS where one was given,
 * otherwise its normalised name within its federal state ("Großenhain, Stadt" and "grossenhain" in DE-SN
 * are the same municipality).
 */
export function municipalityKey(input: {
  unitKey?: string | null;
  ags?: string | null;
  name: string;
  state: string;
}): string {
  if (input.unitKey && isVerbandKey(input.unitKey)) return `vb:${input.unitKey}`;
  const ags = input.ags || (input.unitKey && isAgs(input.unitKey) ? input.unitKey : null);
  if (ags) return `ags:${ags}`;
  return `name:${normalizeName(stripDestatisSuffix(input.name))}|${input.state}`;
}
