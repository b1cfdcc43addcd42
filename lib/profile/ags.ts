import { getStateAgsPrefix, getStateByAgsPrefix, type TStateCode } from "./states";

/** Result of the offline AGS check (format and state prefix); the register check comes on top. */
export type TAgsCheck = { ok: true } | { ok: false; message: string };

export const AGS_PATTERN = /^\d{8}$/;

/**
 * The Amtlicher Gemeindeschlüssel has 8 digits; its first two are the state's Länderschlüssel
 * (01 Schleswig-Holstein … 16 Thüringen).
 */
export function checkAgs(ags: string, state: TStateCode): TAgsCheck {
  if (!AGS_PATTERN.test(ags)) {
    return {
      ok: false,
      message: "Der Amtliche Gemeindeschlüssel (AGS) besteht aus genau 8 Ziffern, zum Beispiel 09162000.",
    };
  }
  const prefix = getStateAgsPrefix(state);
  if (!ags.startsWith(prefix)) {
    const other = getStateByAgsPrefix(ags);
    return {
      ok: false,
      message: other
        ? `Dieser AGS gehört zu einem anderen Bundesland. Für das gewählte Bundesland beginnt er mit ${prefix}.`
        : `Dieser AGS beginnt mit keinem gültigen Länderschlüssel. Für das gewählte Bundesland beginnt er mit ${prefix}.`,
    };
  }
  return { ok: true };
}
