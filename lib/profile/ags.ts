import { getStateAgsPrefix, getStateByAgsPrefix, type TStateCode } from "./states";
import { isAgs, isUnitKey } from "../validation/keys";

/** Result of the offline AGS check (format and state prefix); the register check comes on top. */
export type TAgsCheck = { ok: true } | { ok: false; message: string };

/**
 * The offline check of a unit key (format and state prefix): an AGS has 8 digits, a Gemeindeverband's key 9
 * (Land, Regierungsbezirk, Kreis, Verband); both start with the state's Länderschlüssel.
 */
export function checkUnitKey(key: string, state: TStateCode): TAgsCheck {
  if (!isUnitKey(key)) {
    return {
      ok: false,
      message:
        "Der Schlüssel besteht aus 8 Ziffern (Amtlicher Gemeindeschlüssel einer Gemeinde, zum Beispiel 09162000) oder 9 Ziffern (Schlüssel eines Gemeindeverbands, zum Beispiel 010535318 für das Amt Büchen).",
    };
  }
  return checkStatePrefix(key, state);
}

/**
 * The Amtlicher Gemeindeschlüssel has 8 digits; its first two are the state's Länderschlüssel
 * (01 Schleswig-Holstein … 16 Thüringen).
 */
export function checkAgs(ags: string, state: TStateCode): TAgsCheck {
  if (!isAgs(ags)) {
    return {
      ok: false,
      message: "Der Amtliche Gemeindeschlüssel (AGS) besteht aus genau 8 Ziffern, zum Beispiel 09162000.",
    };
  }
  return checkStatePrefix(ags, state);
}

function checkStatePrefix(key: string, state: TStateCode): TAgsCheck {
  const prefix = getStateAgsPrefix(state);
  if (!key.startsWith(prefix)) {
    const other = getStateByAgsPrefix(key);
    return {
      ok: false,
      message: other
        ? `Dieser Schlüssel gehört zu einem anderen Bundesland. Für das gewählte Bundesland beginnt er mit ${prefix}.`
        : `Dieser Schlüssel beginnt mit keinem gültigen Länderschlüssel. Für das gewählte Bundesland beginnt er mit ${prefix}.`,
    };
  }
  return { ok: true };
}
