import { getEnv } from "./env";
import { FEDERAL_SCHLICHTUNGSSTELLE, type TEasyReview } from "./easy-language/content";

/** Who runs this instance, from the configuration (Impressum, Datenschutz, Barrierefreiheit, Leichte Sprache). */
export function getOperatorInfo() {
  const env = getEnv();
  return {
    configured: Boolean(env.OPERATOR_NAME && env.OPERATOR_ADDRESS && env.OPERATOR_EMAIL),
    name: env.OPERATOR_NAME ?? null,
    address: env.OPERATOR_ADDRESS ?? null,
    email: env.OPERATOR_EMAIL ?? null,
    phone: env.OPERATOR_PHONE ?? null,
    representative: env.OPERATOR_REPRESENTATIVE ?? null,
    /** The data protection officer (DPO_CONTACT, lines separated by "|"); null: not configured. */
    dataProtectionOfficer: env.DPO_CONTACT ? splitLines(env.DPO_CONTACT) : null,
    /** The legal basis of the processing (PRIVACY_LEGAL_BASIS); null: not configured. */
    legalBasis: env.PRIVACY_LEGAL_BASIS ?? null,
    /** The Schlichtungsstelle for this instance: the configured one, else the federal one (§ 16 BGG). */
    mediation: env.SCHLICHTUNGSSTELLE_NAME
      ? {
          configured: true,
          name: env.SCHLICHTUNGSSTELLE_NAME,
          address: splitLines(env.SCHLICHTUNGSSTELLE_ADDRESS!),
          url: env.SCHLICHTUNGSSTELLE_URL!,
        }
      : { configured: false, ...FEDERAL_SCHLICHTUNGSSTELLE, address: [...FEDERAL_SCHLICHTUNGSSTELLE.address] },
    /** The check of the texts in Leichter Sprache by a group of readers, once the operator confirms it. */
    easyLanguageReview: (env.EASY_LANGUAGE_CHECKED_BY
      ? { by: env.EASY_LANGUAGE_CHECKED_BY, on: env.EASY_LANGUAGE_CHECKED_ON! }
      : null) satisfies TEasyReview,
  };
}

/** Address lines as configured: separated by "|" or line breaks. */
export function splitLines(address: string): string[] {
  return address.split(/\s*\|\s*|\n/).filter(Boolean);
}
