import { z } from "zod";

/**
 * The register's keys, in one place (docs/adr/0013-administrations-as-units.md): a Gemeinde's Amtlicher
 * Gemeindeschlüssel (AGS) has 8 digits, a Gemeindeverband's key 9 (Land, Regierungsbezirk, Kreis, Verband); a
 * unit of the register has one or the other. Both start with the state's Länderschlüssel (lib/profile/ags.ts
 * checks that).
 */
export const AGS_PATTERN = /^\d{8}$/;
export const VERBAND_KEY_PATTERN = /^\d{9}$/;
export const UNIT_KEY_PATTERN = /^(\d{8}|\d{9})$/;

export const ZAgs = z.string().regex(AGS_PATTERN);
export const ZVerbandKey = z.string().regex(VERBAND_KEY_PATTERN);
export const ZUnitKey = z.string().regex(UNIT_KEY_PATTERN);

/** A unit's kind by its key: an 8-digit key is a Gemeinde, a 9-digit key a Gemeindeverband. */
export const isAgs = (key: string): boolean => AGS_PATTERN.test(key);
export const isVerbandKey = (key: string): boolean => VERBAND_KEY_PATTERN.test(key);
export const isUnitKey = (key: string): boolean => UNIT_KEY_PATTERN.test(key);
