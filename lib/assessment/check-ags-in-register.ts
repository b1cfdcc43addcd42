import "server-only";
import { findByAgs, getRegister } from "../municipalities/register";
import { getStateName, type TStateCode } from "../profile/states";

const formatDate = (iso: string) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString("de-DE", { timeZone: "Europe/Berlin" });

/**
 * CONTRACT.md section 2: an AGS found in the official register must belong to the stated federal
 * state; an AGS not in it is accepted with a notice (a merger after the register's Gebietsstand).
 * Returns the Gebietsstand to store beside the key when it was found.
 */
export function checkAgsInRegister(
  ags: string,
  state: TStateCode,
): { ok: true; gebietsstand: string | null; notice?: string } | { ok: false; message: string } {
  const register = getRegister();
  const entry = findByAgs(ags);
  if (!entry) {
    return {
      ok: true,
      gebietsstand: null,
      notice: `Der AGS ${ags} steht nicht im amtlichen Gemeindeverzeichnis (Gebietsstand ${formatDate(register.gebietsstand)}). Wir haben ihn trotzdem übernommen – etwa für eine Kommune nach einer Gebietsreform. Bitte prüfen Sie ihn.`,
    };
  }
  if (entry.state !== state) {
    return {
      ok: false,
      message: `Laut amtlichem Gemeindeverzeichnis gehört der AGS ${ags} zu ${entry.name} in ${getStateName(entry.state)}, nicht zu ${getStateName(state)}.`,
    };
  }
  return { ok: true, gebietsstand: register.gebietsstand };
}
