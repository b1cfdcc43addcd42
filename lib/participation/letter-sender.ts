import { getEnv } from "../env";
import { splitLines } from "../operator-info";
import type { TLetterSender } from "./invitation-letters";

/** What letters need from the settings: the sender and the portal's address. */
export type TLetterSettings =
  { ok: true; sender: TLetterSender; publicUrl: string | null } | { ok: false; missing: string };

/**
 * The sender of the invitation letters from the OPERATOR_* settings (and PUBLIC_URL when set). Letters are
 * refused without OPERATOR_NAME, OPERATOR_ADDRESS and OPERATOR_EMAIL: a letter must say who sends it, where to
 * write back and whom to ask to block a code.
 */
export function letterSettingsFromEnv(): TLetterSettings {
  const env = getEnv();
  const missing = (["OPERATOR_NAME", "OPERATOR_ADDRESS", "OPERATOR_EMAIL"] as const).filter((k) => !env[k]);
  if (missing.length > 0)
    return {
      ok: false,
      missing: `Für die Briefe fehlt ${missing.join(", ")}: Absender, Rückantwort und Kontakt zum Sperren eines Codes stehen in jedem Brief.`,
    };
  return {
    ok: true,
    sender: {
      name: env.OPERATOR_NAME!,
      addressLines: splitLines(env.OPERATOR_ADDRESS!),
      email: env.OPERATOR_EMAIL!,
      phone: env.OPERATOR_PHONE ?? null,
      signatory: env.OPERATOR_SIGNATORY ?? null,
      dataProtectionOfficer: env.DPO_CONTACT ? splitLines(env.DPO_CONTACT).join(", ") : null,
    },
    publicUrl: env.PUBLIC_URL ?? null,
  };
}
