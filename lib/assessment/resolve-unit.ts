import "server-only";
import { findItem, getRegister, type TRegisterItem } from "../municipalities/register";
import { getStateName, type TStateCode } from "../profile/states";
import { withArticle } from "../municipalities/units";

const formatDate = (iso: string) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString("de-DE", { timeZone: "Europe/Berlin" });

export type TResolvedUnit =
  /** unit null: an AGS not (or no longer) in the register, accepted with a notice (a merger after its Gebietsstand). */
  | { ok: true; unit: TRegisterItem | null; gebietsstand: string | null; notice?: string }
  | { ok: false; message: string };

/**
 * A unit key against the official register (docs/adr/0013-administrations-as-units.md). A Gemeinde's AGS must
 * belong to the stated state; one not in the register is accepted with a notice. A Gemeindeverband's 9-digit key
 * must name a Verband of the register that runs its members' administration, in the stated state; anything
 * else is refused with a German sentence that says what to enter instead.
 */
export function resolveUnit(key: string, state: TStateCode): TResolvedUnit {
  const register = getRegister();
  const item = findItem(key);
  if (key.length === 9) {
    if (!item) {
      // The pseudo-record of a verbandsfreie Gemeinde: Land, RB, Kreis, "0" and the Gemeinde's number.
      const gemeinde = key[5] === "0" ? findItem(`${key.slice(0, 5)}${key.slice(6)}`) : undefined;
      return {
        ok: false,
        message: gemeinde
          ? `Der Schlüssel ${key} ist kein Gemeindeverband: ${gemeinde.name} ist verbandsfrei und führt ihre Verwaltung selbst. Bitte geben Sie ihren Amtlichen Gemeindeschlüssel ${gemeinde.key} an.`
          : `Der Schlüssel ${key} steht als Gemeindeverband nicht im amtlichen Gemeindeverzeichnis (Gebietsstand ${formatDate(register.gebietsstand)}). Bitte prüfen Sie ihn oder wählen Sie Ihre Verwaltung aus der Liste.`,
      };
    }
    if (item.state !== state)
      return {
        ok: false,
        message: `Laut amtlichem Gemeindeverzeichnis gehört der Schlüssel ${key} zu ${item.name} in ${getStateName(item.state)}, nicht zu ${getStateName(state)}.`,
      };
    if (!item.isUnit)
      return {
        ok: false,
        message: `Im ${item.name} behält jede Gemeinde ihr eigenes Bürgermeisteramt. Bitte wählen Sie die Gemeinde, für die Sie antworten.`,
      };
    return { ok: true, unit: item, gebietsstand: register.gebietsstand };
  }
  if (!item) {
    return {
      ok: true,
      unit: null,
      gebietsstand: null,
      notice: `Der AGS ${key} steht nicht im amtlichen Gemeindeverzeichnis (Gebietsstand ${formatDate(register.gebietsstand)}). Wir haben ihn trotzdem übernommen – etwa für eine Kommune nach einer Gebietsreform. Bitte prüfen Sie ihn.`,
    };
  }
  if (item.state !== state)
    return {
      ok: false,
      message: `Laut amtlichem Gemeindeverzeichnis gehört der AGS ${key} zu ${item.name} in ${getStateName(item.state)}, nicht zu ${getStateName(state)}.`,
    };
  return {
    ok: true,
    unit: item,
    gebietsstand: register.gebietsstand,
    ...(item.administration ? { notice: memberNotice(item) } : {}),
  };
}

/** A Gemeinde whose Verband runs its administration answers for itself alone: said once, on creation. */
export function memberNotice(item: TRegisterItem): string {
  const admin = item.administration!;
  return `Die Verwaltung von ${item.nameShort} führt ${withArticle(admin.name)}. Sie antworten nur für die Gemeinde ${item.nameShort}; im Vergleich mit anderen Kommunen und im Lagebild zählt die Selbsteinschätzung ${withArticle(admin.name, "dative")}, damit keine Gemeinde doppelt gezählt wird.`;
}
